<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../src/cmdesk/gui/crash.py" line="35"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/crash.py" line="39"/>
        <source>Something went wrong inside cmdesk. Your posts are safe and publishing goes on; you can keep working. If this happens again, please report it with the text below. The full log is in:
{path}</source>
        <translation>Un problème est survenu dans cmdesk. Vos publications sont en sécurité et la publication continue ; vous pouvez continuer à travailler. Si cela se reproduit, signalez-le avec le texte ci-dessous. Le journal complet se trouve dans :
{path}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/crash.py" line="50"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../src/cmdesk/core/demo.py" line="193"/>
        <source>The workspace in {folder} already holds posts or accounts. The demo only fills an empty workspace: choose another folder with --data-dir.</source>
        <translation>L&apos;espace de travail {folder} contient déjà des publications ou des comptes. La démo ne remplit qu&apos;un espace vide : choisissez un autre dossier avec --data-dir.</translation>
    </message>
</context>
<context>
    <name>Headless</name>
    <message>
        <location filename="../../src/cmdesk/headless.py" line="67"/>
        <source>cmdesk is running without a window on {folder}; log: {log}</source>
        <translation>cmdesk fonctionne sans fenêtre sur {folder} ; journal : {log}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/cmdesk/gui/main_window.py" line="66"/>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/main_window.py" line="69"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/main_window.py" line="141"/>
        <source>The outbox is not part of this build yet.</source>
        <translation>La boîte d&apos;envoi ne fait pas encore partie de cette version.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/main_window.py" line="179"/>
        <source>Nothing to do here.</source>
        <translation>Rien à faire ici.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/main_window.py" line="261"/>
        <source>cmdesk is still running</source>
        <translation>cmdesk tourne toujours</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/main_window.py" line="262"/>
        <source>Scheduled posts keep going out. Use Quit in the tray menu to stop.</source>
        <translation>Les publications programmées continuent de partir. Choisissez Quitter dans le menu de la zone de notification pour arrêter.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/main_window.py" line="283"/>
        <source>Posts are due soon</source>
        <translation>Des publications partent bientôt</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/main_window.py" line="285"/>
        <source>{count} posts are due in the next {minutes} minutes and will not be sent while cmdesk is closed. Quit anyway?</source>
        <translation>{count} publication(s) doivent partir dans les {minutes} prochaines minutes et ne seront pas envoyées tant que cmdesk est fermé. Quitter quand même ?</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="29"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="32"/>
        <source>&amp;New post…</source>
        <translation>&amp;Nouvelle publication…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="34"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="35"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="37"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="45"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="48"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="50"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="53"/>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="57"/>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="64"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="73"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="78"/>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="79"/>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="80"/>
        <source>&amp;Agenda</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="90"/>
        <source>&amp;Today</source>
        <translation>&amp;Aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="92"/>
        <source>&amp;Go to date…</source>
        <translation>&amp;Aller à la date…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="96"/>
        <source>&amp;Outbox</source>
        <translation>&amp;Boîte d&apos;envoi</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="100"/>
        <source>&amp;Post</source>
        <translation>&amp;Publication</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="102"/>
        <source>&amp;New…</source>
        <translation>&amp;Nouvelle…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="105"/>
        <source>Add to &amp;queue…</source>
        <translation>Ajouter à la &amp;file d&apos;attente…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="112"/>
        <source>&amp;Settings</source>
        <translation>&amp;Réglages</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="115"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Comptes…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="119"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="126"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/menus.py" line="128"/>
        <source>&amp;About cmdesk</source>
        <translation>&amp;À propos de cmdesk</translation>
    </message>
</context>
<context>
    <name>Notifications</name>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="43"/>
        <source>an account</source>
        <translation>un compte</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="49"/>
        <source>Post published</source>
        <translation>Publication en ligne</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="51"/>
        <source>Your post is live on {where}.</source>
        <translation>Votre publication est en ligne sur {where}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="57"/>
        <source>Post not published</source>
        <translation>Publication non envoyée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="59"/>
        <source>{where} refused the post: {reason}</source>
        <translation>{where} a refusé la publication : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="67"/>
        <source>Sign-in needed</source>
        <translation>Connexion nécessaire</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="69"/>
        <source>Sign in to {where} again: its posts wait until you do.</source>
        <translation>Reconnectez-vous à {where} : ses publications attendent jusque-là.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="78"/>
        <source>Back online</source>
        <translation>De retour en ligne</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="80"/>
        <source>Back online: {count} waiting posts sent.</source>
        <translation>De retour en ligne : {count} publication(s) en attente envoyée(s).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="88"/>
        <source>A late post waits for you</source>
        <translation>Un post en retard vous attend</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="89"/>
        <source>A post is late: publish it now or skip it?</source>
        <translation>Un post est en retard : le publier maintenant ou le laisser de côté ?</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="95"/>
        <source>Check this post</source>
        <translation>Vérifiez ce post</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/notifications.py" line="97"/>
        <source>{where} did not confirm the post: check before sending it again.</source>
        <translation>{where} n&apos;a pas confirmé le post : vérifiez avant de le renvoyer.</translation>
    </message>
</context>
<context>
    <name>PlaceholderCalendar</name>
    <message>
        <location filename="../../src/cmdesk/gui/placeholder.py" line="29"/>
        <source>The calendar is not part of this build yet.</source>
        <translation>Le calendrier ne fait pas encore partie de cette version.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="50"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="59"/>
        <source>Publish late</source>
        <translation>Les publier en retard</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="61"/>
        <source>Skip them</source>
        <translation>Les ignorer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="67"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="83"/>
        <source>Always publish posts late by at most:</source>
        <translation>Toujours publier les posts en retard de moins de :</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="84"/>
        <source>Posts missed for longer (computer off or asleep):</source>
        <translation>Posts manqués plus longtemps (ordinateur éteint ou en veille) :</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="60"/>
        <source>Ask me</source>
        <translation>Me demander</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="69"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="72"/>
        <source>Start cmdesk in the tray when I log in</source>
        <translation>Lancer cmdesk dans la zone de notification à l’ouverture de session</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="82"/>
        <source>Time zone of the calendar:</source>
        <translation>Fuseau horaire du calendrier :</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="85"/>
        <source>Language (after a restart):</source>
        <translation>Langue (après redémarrage) :</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="116"/>
        <source>“{zone}” is not a time zone (example: Europe/Paris).</source>
        <translation>« {zone} » n’est pas un fuseau horaire (exemple : Europe/Paris).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/preferences.py" line="136"/>
        <source>Could not save: {reason}</source>
        <translation>Impossible d&apos;enregistrer : {reason}</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../src/cmdesk/gui/app.py" line="117"/>
        <source>Workspace repaired</source>
        <translation>Espace de travail réparé</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/app.py" line="118"/>
        <source>cmdesk opened your workspace, but part of it could not be read.

{details}</source>
        <translation>cmdesk a ouvert votre espace de travail, mais une partie n&apos;a pas pu être lue.

{details}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/app.py" line="144"/>
        <source>Publishing is stopped</source>
        <translation>La publication est arrêtée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/app.py" line="150"/>
        <source>No keyring</source>
        <translation>Pas de trousseau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/app.py" line="151"/>
        <source>{reason}

Keep sign-ins in memory for this session only?</source>
        <translation>{reason}

Garder les connexions en mémoire pour cette session seulement ?</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/app.py" line="165"/>
        <source>Cannot open the workspace</source>
        <translation>Impossible d&apos;ouvrir l&apos;espace de travail</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="47"/>
        <location filename="../../src/cmdesk/gui/status.py" line="62"/>
        <source>Network: unknown</source>
        <translation>Réseau : inconnu</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="65"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="65"/>
        <source>Offline: posts will wait</source>
        <translation>Hors ligne : les publications attendront</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="70"/>
        <source>No post scheduled</source>
        <translation>Aucune publication programmée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="80"/>
        <source>Next: {when}: {text}</source>
        <translation>Prochaine : {when} : {text}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="84"/>
        <source>Publisher: starting</source>
        <translation>Publication : démarrage</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="85"/>
        <source>Publisher: running</source>
        <translation>Publication : active</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="86"/>
        <source>Publisher: stopped</source>
        <translation>Publication : arrêtée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="87"/>
        <source>Publisher: not in this build, nothing is sent</source>
        <translation>Publication : absente de cette version, rien n&apos;est envoyé</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/status.py" line="88"/>
        <source>Publisher: off (screenshot)</source>
        <translation>Publication : désactivée (capture d&apos;écran)</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../src/cmdesk/gui/tray.py" line="42"/>
        <source>Show cmdesk</source>
        <translation>Afficher cmdesk</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/tray.py" line="44"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../src/cmdesk/gui/window_actions.py" line="65"/>
        <source>Import posts</source>
        <translation>Importer des publications</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/window_actions.py" line="67"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/window_actions.py" line="75"/>
        <source>Export posts</source>
        <translation>Exporter les publications</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/window_actions.py" line="77"/>
        <source>CSV (*.csv);;iCalendar (*.ics)</source>
        <translation>CSV (*.csv);;iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/window_actions.py" line="86"/>
        <source>This part of cmdesk is not in this build yet.</source>
        <translation>Cette partie de cmdesk n&apos;est pas encore dans cette version.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/window_actions.py" line="91"/>
        <source>Go to date</source>
        <translation>Aller à la date</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/window_actions.py" line="115"/>
        <source>About cmdesk</source>
        <translation>À propos de cmdesk</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/window_actions.py" line="116"/>
        <source>&lt;h3&gt;cmdesk {version}&lt;/h3&gt;&lt;p&gt;Plan, preview and publish social posts from your desktop. Your data stays on this computer; your sign-ins stay in the system keyring.&lt;/p&gt;&lt;p&gt;Data folder: {data}&lt;br&gt;Logs: {logs}&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later&lt;/p&gt;</source>
        <translation>&lt;h3&gt;cmdesk {version}&lt;/h3&gt;&lt;p&gt;Planifiez, prévisualisez et publiez vos posts sur les réseaux sociaux depuis votre bureau. Vos données restent sur cet ordinateur ; vos connexions restent dans le trousseau du système.&lt;/p&gt;&lt;p&gt;Dossier des données : {data}&lt;br&gt;Journaux : {logs}&lt;/p&gt;&lt;p&gt;GPL-3.0-or-later&lt;/p&gt;</translation>
    </message>
</context>
</TS>

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>OutboxCommand</name>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="31" />
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="43" />
        <source>Cannot open the workspace: {reason}</source>
        <translation>Impossible d’ouvrir l’espace de travail : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="53" />
        <source>The outbox is empty.</source>
        <translation>La boîte d’envoi est vide.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="55" />
        <source>STATE</source>
        <translation>ÉTAT</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="55" />
        <source>PLANNED</source>
        <translation>PRÉVU</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="56" />
        <source>ACTUAL</source>
        <translation>RÉEL</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="56" />
        <source>LATE</source>
        <translation>RETARD</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="57" />
        <source>ACCOUNT</source>
        <translation>COMPTE</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="57" />
        <source>REMOTE</source>
        <translation>EN LIGNE</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="58" />
        <source>TEXT / LAST ERROR</source>
        <translation>TEXTE / DERNIÈRE ERREUR</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/outbox.py" line="63" />
        <source> (next try {at})</source>
        <translation> (prochain essai {at})</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/outbox_model.py" line="40" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/outbox_model.py" line="41" />
        <source>Planned</source>
        <translation>Prévu</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/outbox_model.py" line="42" />
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/outbox_model.py" line="43" />
        <source>Post</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/outbox_model.py" line="44" />
        <source>Sent / next try</source>
        <translation>Envoyé / prochain essai</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/outbox_model.py" line="45" />
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/outbox_model.py" line="100" />
        <source> ({n} min late)</source>
        <translation> ({n} min de retard)</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="137" />
        <source>What needs you, what is planned for the next {planned} days and what went out in the last {published} days. The calendar shows the rest.</source>
        <translation>Ce qui vous attend, ce qui est prévu dans les {planned} prochains jours et ce qui est parti ces {published} derniers jours. Le calendrier montre le reste.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="92" />
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="92" />
        <source>Due next</source>
        <translation>À venir</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="93" />
        <source>Waiting for the network</source>
        <translation>En attente du réseau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="94" />
        <source>Failed or needs you</source>
        <translation>Échecs ou décisions</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="106" />
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="107" />
        <source>Publish now</source>
        <translation>Publier maintenant</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="108" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="110" />
        <source>It went out</source>
        <translation>Elle est partie</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="111" />
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="112" />
        <source>Give up</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="113" />
        <source>Skip</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="206" />
        <source>%v of %m sent</source>
        <translation>%v sur %m envoyées</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/cmdesk/gui/outbox/panel.py" line="209" />
        <source>Back online: %n post(s) sent.</source>
        <translation><numerusform>De retour en ligne : %n publication envoyée.</numerusform><numerusform>De retour en ligne : %n publications envoyées.</numerusform></translation>
    </message>
</context>
<context>
    <name>Publisher</name>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="37" />
        <source>This post cannot do that while it is {state}.</source>
        <translation>Impossible pour cette publication tant qu’elle est dans l’état « {state} ».</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="44" />
        <location filename="../../src/cmdesk/core/publish/actions.py" line="79" />
        <source>This post no longer exists.</source>
        <translation>Cette publication n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="54" />
        <source>Retry asked</source>
        <translation>Nouvel essai demandé</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="74" />
        <source>Publish now asked</source>
        <translation>Publication immédiate demandée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="94" />
        <source>The network did not cancel its copy.</source>
        <translation>Le réseau n’a pas annulé sa copie.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="97" />
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="108" />
        <source>Skipped: too late</source>
        <translation>Ignorée : trop tard</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="127" />
        <source>You confirmed it went out</source>
        <translation>Vous avez confirmé sa publication</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="139" />
        <source>You asked to send it again</source>
        <translation>Vous avez demandé un nouvel envoi</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/actions.py" line="147" />
        <source>You gave up on this post</source>
        <translation>Vous avez abandonné cette publication</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="65" />
        <source>Unscheduled</source>
        <translation>Déprogrammée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="73" />
        <source>Scheduled for {at}</source>
        <translation>Programmée pour {at}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="78" />
        <source>Moved to {at}</source>
        <translation>Déplacée à {at}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="102" />
        <source>Account signed in again</source>
        <translation>Compte reconnecté</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="105" />
        <location filename="../../src/cmdesk/core/publish/sender.py" line="82" />
        <location filename="../../src/cmdesk/core/publish/sender.py" line="178" />
        <source>Waiting for the network</source>
        <translation>En attente du réseau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="127" />
        <location filename="../../src/cmdesk/core/publish/sender.py" line="63" />
        <source>Due at {at}</source>
        <translation>À publier à {at}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="129" />
        <source>Due at {at}, caught up {late} late</source>
        <translation>À publier à {at}, rattrapée avec {late} de retard</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="133" />
        <source>Skipped: it was {late} late (catch-up policy)</source>
        <translation>Ignorée : {late} de retard (règle de rattrapage)</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="139" />
        <source>Due at {at}, {late} late: waiting for your decision</source>
        <translation>À publier à {at}, {late} de retard : en attente de votre décision</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/evaluate.py" line="143" />
        <source>A post is {late} late: publish it now or skip it?</source>
        <translation>Une publication a {late} de retard : la publier maintenant ou l’ignorer ?</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="51" />
        <source>The network holds at most {n} scheduled posts for this account; this one stays on this computer.</source>
        <translation>Le réseau garde au plus {n} publications programmées pour ce compte ; celle-ci reste sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="56" />
        <source>The network holds at most {n} scheduled posts per day for this account; this one stays on this computer.</source>
        <translation>Le réseau garde au plus {n} publications programmées par jour pour ce compte ; celle-ci reste sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="86" />
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="147" />
        <source>Handing off to the network</source>
        <translation>Confiée au réseau en cours</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="99" />
        <source>The network did not take the scheduled post ({reason}); it stays on this computer.</source>
        <translation>Le réseau n’a pas accepté la publication programmée ({reason}) ; elle reste sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="120" />
        <source>Kept on this computer</source>
        <translation>Gardée sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/replace.py" line="1" />
        <source>Updating the copy the network holds</source>
        <translation>Mise à jour de la copie que le réseau garde</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/replace.py" line="1" />
        <source>Replaced by an updated copy</source>
        <translation>Remplacée par une copie à jour</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/replace.py" line="1" />
        <source>The network did not take the updated post ({reason}); it stays on this computer.</source>
        <translation>Le réseau n'a pas accepté la publication modifiée ({reason}) ; elle reste sur cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/replace.py" line="1" />
        <source>{reason} Check the account, then confirm it went out, send it again or give up.</source>
        <translation>{reason} Vérifiez le compte, puis confirmez qu'elle est partie, renvoyez-la ou abandonnez.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/replace.py" line="1" />
        <source>Checking the network's copy</source>
        <translation>Vérification de la copie du réseau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/replace.py" line="1" />
        <source>The network published it</source>
        <translation>Le réseau l'a publiée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="148" />
        <source>Handed off: the network publishes it at {at} (id {id})</source>
        <translation>Confiée au réseau : il la publiera à {at} (id {id})</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="190" />
        <source>Scheduled copy updated for {at}</source>
        <translation>Copie programmée mise à jour pour {at}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="199" />
        <source>Scheduled copy cancelled on the network; published from here</source>
        <translation>Copie programmée annulée sur le réseau ; publiée depuis cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/handoff.py" line="217" />
        <source>The scheduled copy on the network could not be cancelled: {reason}</source>
        <translation>La copie programmée sur le réseau n’a pas pu être annulée : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/lock.py" line="38" />
        <source>Another cmdesk (process {pid}) is already publishing this workspace. Close it first, or open another workspace.</source>
        <translation>Un autre cmdesk (processus {pid}) publie déjà cet espace de travail. Fermez-le d’abord, ou ouvrez un autre espace de travail.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/recovery.py" line="34" />
        <source>The post or account was deleted</source>
        <translation>La publication ou le compte a été supprimé</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/recovery.py" line="89" />
        <source>Recovered after a restart</source>
        <translation>Rétablie après un redémarrage</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="43" />
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="44" />
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="75" />
        <source>Already published</source>
        <translation>Déjà publiée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="78" />
        <source>Sign in again to this account</source>
        <translation>Reconnectez-vous à ce compte</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="92" />
        <source>Sending (due {due}, {late} late)</source>
        <translation>Envoi (prévue {due}, {late} de retard)</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="108" />
        <source>The post could not be prepared: {reason}</source>
        <translation>La publication n’a pas pu être préparée : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="130" />
        <source>Published: due {due}, sent {sent}, confirmed {confirmed}, {late} late, {url}</source>
        <translation>Publiée : prévue {due}, envoyée {sent}, confirmée {confirmed}, {late} de retard, {url}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="173" />
        <source>The network asked to wait until {at}</source>
        <translation>Le réseau demande d’attendre jusqu’à {at}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="182" />
        <source>Sign in again to this account: {reason}</source>
        <translation>Reconnectez-vous à ce compte : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="186" />
        <source>The network refused the post: {reason}</source>
        <translation>Le réseau a refusé la publication : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="192" />
        <source>Gave up after {n} tries: {reason}</source>
        <translation>Abandon après {n} essais : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="196" />
        <source>Temporary error, next try in {wait}: {reason}</source>
        <translation>Erreur temporaire, prochain essai dans {wait} : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="226" />
        <source>We cannot tell whether this post went out. Check the account, then confirm, send again or give up.</source>
        <translation>Impossible de savoir si cette publication est partie. Vérifiez le compte, puis confirmez, renvoyez ou abandonnez.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/sender.py" line="250" />
        <source>Not received by the network; will be sent again</source>
        <translation>Non reçue par le réseau ; elle sera renvoyée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/recovery.py" line="74" />
        <location filename="../../src/cmdesk/core/publish/sender.py" line="269" />
        <source>Checking an interrupted send</source>
        <translation>Vérification d’un envoi interrompu</translation>
    </message>
</context>
<context>
    <name>TargetState</name>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="70" />
        <source>Late: your decision</source>
        <translation>En retard : à vous de décider</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="72" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="73" />
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="74" />
        <source>Due</source>
        <translation>À publier</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="75" />
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="76" />
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="77" />
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="78" />
        <source>Will retry</source>
        <translation>Nouvel essai prévu</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="79" />
        <source>Waiting for network</source>
        <translation>En attente du réseau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="80" />
        <source>Sign in again</source>
        <translation>Reconnexion requise</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="81" />
        <source>Unconfirmed</source>
        <translation>Non confirmée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/publish/outbox.py" line="82" />
        <source>Handed off</source>
        <translation>Confiée au réseau</translation>
    </message>
</context>
</TS>
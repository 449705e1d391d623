<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
    <context>
        <name>BulkCommand</name>
        <message>
            <location filename="../../src/cmdesk/commands/bulk.py" line="62" />
            <source>line {line}: {problem}</source>
            <translation>ligne {line} : {problem}</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/commands/bulk.py" line="65" />
            <source>line {line}: note: {note}</source>
            <translation>ligne {line} : remarque : {note}</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/commands/bulk.py" line="69" />
            <source>{bad} of {total} rows have problems; nothing was imported (fix them, or use --skip-bad).</source>
            <translation>{bad} lignes sur {total} ont des problèmes ; rien n’a été importé (corrigez-les, ou utilisez --skip-bad).</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/commands/bulk.py" line="76" />
            <source>{count} posts imported, {skipped} rows skipped.</source>
            <translation>{count} publications importées, {skipped} lignes ignorées.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/commands/bulk.py" line="96" />
            <source>Cannot write {path}: {reason}</source>
            <translation>Impossible d’écrire {path} : {reason}</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/commands/bulk.py" line="100" />
            <source>{count} posts exported to {path}.</source>
            <translation>{count} publications exportées vers {path}.</translation>
        </message>
        <message>
            <source>Cannot open the workspace: {reason}</source>
            <translation>Impossible d’ouvrir l’espace de travail : {reason}</translation>
        </message>
    </context>
    <context>
        <name>CalendarActions</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="86" />
            <source>Duplicate “{post}”</source>
            <translation>Dupliquer « {post} »</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="87" />
            <source>Duplicate {count} posts</source>
            <translation>Dupliquer {count} publications</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="89" />
            <source>Move “{post}”</source>
            <translation>Déplacer « {post} »</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="90" />
            <source>Move {count} posts</source>
            <translation>Déplacer {count} publications</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="106" />
            <source>Unschedule “{post}”</source>
            <translation>Déprogrammer « {post} »</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="107" />
            <source>Unschedule {count} posts</source>
            <translation>Déprogrammer {count} publications</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="118" />
            <source>A post being published right now cannot be deleted; wait until it is done.</source>
            <translation>Une publication en cours d’envoi ne peut pas être supprimée ; attendez la fin de l’envoi.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="121" />
            <source>Delete “{post}”</source>
            <translation>Supprimer « {post} »</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="122" />
            <source>Delete {count} posts</source>
            <translation>Supprimer {count} publications</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="130" />
            <source>Choose a day and paste (Ctrl+V) to move the post there.</source>
            <translation>Choisissez un jour et collez (Ctrl+V) pour y déplacer la publication.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="146" />
            <source>Only pictures can be dropped on the calendar.</source>
            <translation>Seules des images peuvent être déposées sur le calendrier.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="161" />
            <source>New post with {count} pictures</source>
            <translation>Nouvelle publication avec {count} image(s)</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="166" />
            <source>Import {count} posts</source>
            <translation>Importer {count} publication(s)</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="172" />
            <source>Select a post (or a draft) first, then add it to the queue.</source>
            <translation>Sélectionnez d’abord une publication (ou un brouillon), puis ajoutez-la à la file.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="187" />
            <source>No free posting slot for this post's accounts: add slots to the accounts first.</source>
            <translation>Aucun créneau libre pour les comptes de cette publication : ajoutez d’abord des créneaux aux comptes.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="193" />
            <source>Add {count} posts to the queue</source>
            <translation>Ajouter {count} publication(s) à la file</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/actions.py" line="205" />
            <source>The change could not be saved ({reason}); it was undone.</source>
            <translation>La modification n’a pas pu être enregistrée ({reason}) ; elle a été annulée.</translation>
        </message>
    </context>
    <context>
        <name>CalendarWidget</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="72" />
            <source>“{post}” was published meanwhile: it was left as it is.</source>
            <translation>« {post} » a été publiée entre-temps : elle a été laissée telle quelle.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="75" />
            <source>The posts of this month could not be read ({reason}). Nothing was changed; try again with Today or the arrows.</source>
            <translation>Les publications de ce mois n’ont pas pu être lues ({reason}). Rien n’a été modifié ; réessayez avec Aujourd’hui ou les flèches.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="88" />
            <source>Previous</source>
            <translation>Précédent</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="89" />
            <source>Today</source>
            <translation>Aujourd’hui</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="89" />
            <source>Go to today</source>
            <translation>Aller à aujourd’hui</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="90" />
            <source>Next</source>
            <translation>Suivant</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="99" />
            <source>Jump to a date</source>
            <translation>Aller à une date</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="102" />
            <source>Month</source>
            <translation>Mois</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="102" />
            <source>Week</source>
            <translation>Semaine</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="102" />
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="304" />
            <source>Plan in the past?</source>
            <translation>Programmer dans le passé ?</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="305" />
            <source>This time has already passed. The post will be treated as late and may go out as soon as it is saved. Plan it anyway?</source>
            <translation>Cette heure est déjà passée. La publication sera considérée comme en retard et pourra partir dès son enregistrement. La programmer quand même ?</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/widget.py" line="329" />
            <source>The composer is not available in this build.</source>
            <translation>L’éditeur n’est pas disponible dans cette version.</translation>
        </message>
    </context>
    <context>
        <name>CanvasView</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/canvas.py" line="295" />
            <source>(no text)</source>
            <translation>(sans texte)</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/canvas.py" line="333" />
            <source>{date}: {count} posts</source>
            <translation>{date} : {count} publication(s)</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/canvas.py" line="338" />
            <source>selected: {time} {text}</source>
            <translation>sélection : {time} {text}</translation>
        </message>
    </context>
    <context>
        <name>CsvImport</name>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="58" />
            <source>The file is not UTF-8; it was read as Windows-1252. Check accented letters.</source>
            <translation>Le fichier n’est pas en UTF-8 ; il a été lu en Windows-1252. Vérifiez les lettres accentuées.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="86" />
            <source>Cannot read {path}: {reason}</source>
            <translation>Impossible de lire {path} : {reason}</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="98" />
            <source>The file is not a valid CSV: {reason}</source>
            <translation>Le fichier n’est pas un CSV valide : {reason}</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="102" />
            <source>The file is empty.</source>
            <translation>Le fichier est vide.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="139" />
            <source>The text is empty.</source>
            <translation>Le texte est vide.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="142" />
            <source>A scheduled post needs at least one account or network.</source>
            <translation>Une publication programmée a besoin d’au moins un compte ou un réseau.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="150" />
            <source>Unknown time zone “{zone}” (use a name like Europe/Paris).</source>
            <translation>Fuseau horaire inconnu « {zone} » (utilisez un nom comme Europe/Paris).</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="160" />
            <source>Unreadable date “{value}” (use YYYY-MM-DD or DD/MM/YYYY).</source>
            <translation>Date illisible « {value} » (utilisez AAAA-MM-JJ ou JJ/MM/AAAA).</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="165" />
            <source>Unreadable time “{value}” (use HH:MM).</source>
            <translation>Heure illisible « {value} » (utilisez HH:MM).</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="174" />
            <source>This time is in the past.</source>
            <translation>Cette heure est déjà passée.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="182" />
            <source>Unknown account “{name}”.</source>
            <translation>Compte inconnu « {name} ».</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="189" />
            <source>Unknown network “{name}”.</source>
            <translation>Réseau inconnu « {name} ».</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="195" />
            <source>No account is connected on {network}.</source>
            <translation>Aucun compte n’est connecté sur {network}.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="221" />
            <source>More alt texts ({alts}) than images ({images}).</source>
            <translation>Plus de textes alternatifs ({alts}) que d’images ({images}).</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/bulk/csv_import.py" line="229" />
            <source>Image not found: {path}</source>
            <translation>Image introuvable : {path}</translation>
        </message>
    </context>
    <context>
        <name>DraftsPanel</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/drafts.py" line="21" />
            <source>Drag a draft onto a day to schedule it; drop a post here to unschedule it, or pictures to start a draft.</source>
            <translation>Glissez un brouillon sur un jour pour le programmer ; déposez ici une publication pour la déprogrammer, ou des images pour commencer un brouillon.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/drafts.py" line="41" />
            <source>Drafts ({count})</source>
            <translation>Brouillons ({count})</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="26" />
            <source>All states</source>
            <translation>Tous les états</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="31" />
            <source>Tag or campaign</source>
            <translation>Étiquette ou campagne</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="35" />
            <source>Search text</source>
            <translation>Rechercher dans le texte</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="51" />
            <source>Draft</source>
            <translation>Brouillon</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="52" />
            <source>Scheduled</source>
            <translation>Programmée</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="53" />
            <source>Late</source>
            <translation>En retard</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="54" />
            <source>Waiting for network</source>
            <translation>En attente du réseau</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="55" />
            <source>Handed off</source>
            <translation>Confiée au réseau</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="56" />
            <source>Published</source>
            <translation>Publiée</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="57" />
            <source>Failed</source>
            <translation>Échec</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="64" />
            <source>All accounts</source>
            <translation>Tous les comptes</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/filter_bar.py" line="68" />
            <source>Network: {name}</source>
            <translation>Réseau : {name}</translation>
        </message>
    </context>
    <context>
        <name>IcsExport</name>
        <message>
            <location filename="../../src/cmdesk/core/bulk/ics_export.py" line="22" />
            <source>(image post)</source>
            <translation>(publication d’image)</translation>
        </message>
    </context>
    <context>
        <name>ImportPreviewDialog</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="33" />
            <source>Import {file}</source>
            <translation>Importer {file}</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="37" />
            <source>{good} rows ready, {bad} with problems. Rows with problems are not imported; fix the file and import it again to add them.</source>
            <translation>{good} lignes prêtes, {bad} avec des problèmes. Les lignes avec des problèmes ne sont pas importées ; corrigez le fichier et importez-le à nouveau pour les ajouter.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="40" />
            <source>{good} rows ready.</source>
            <translation>{good} lignes prêtes.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="43" />
            <source>Line</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="43" />
            <source>When</source>
            <translation>Quand</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="44" />
            <source>Text</source>
            <translation>Texte</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="44" />
            <source>Accounts</source>
            <translation>Comptes</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="45" />
            <source>Problems and notes</source>
            <translation>Problèmes et remarques</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="91" />
            <source>Draft</source>
            <translation>Brouillon</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/import_dialog.py" line="105" />
            <source>Import {count} posts</source>
            <translation>Importer {count} publication(s)</translation>
        </message>
    </context>
    <context>
        <name>MonthView</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/month_view.py" line="150" />
            <source>+{count} more</source>
            <translation>+{count} autres</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/month_view.py" line="170" />
            <source>Loading posts…</source>
            <translation>Chargement des publications…</translation>
        </message>
    </context>
    <context>
        <name>Planner</name>
        <message>
            <location filename="../../src/cmdesk/core/schedule/planner.py" line="79" />
            <source>{time} does not exist on {date} in {zone} (clocks go forward); planned at {shifted}.</source>
            <translation>{time} n’existe pas le {date} dans le fuseau {zone} (passage à l’heure d’été) ; programmée à {shifted}.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/schedule/planner.py" line="86" />
            <source>{time} happens twice on {date} in {zone} (clocks go back); using the first one (UTC{offset}).</source>
            <translation>{time} existe deux fois le {date} dans le fuseau {zone} (passage à l’heure d’hiver) ; la première est retenue (UTC{offset}).</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/schedule/planner.py" line="247" />
            <source>This post is already published; it cannot be moved. Duplicate it (Ctrl-drag) to post it again.</source>
            <translation>Cette publication est déjà publiée ; elle ne peut pas être déplacée. Dupliquez-la (glisser avec Ctrl) pour la publier à nouveau.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/core/schedule/planner.py" line="250" />
            <source>This post is being published right now; wait until it is done before moving it.</source>
            <translation>Cette publication est en cours d’envoi ; attendez la fin avant de la déplacer.</translation>
        </message>
    </context>
    <context>
        <name>Transfer</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/transfer.py" line="41" />
            <source>{file} has no posts.</source>
            <translation>{file} ne contient aucune publication.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/transfer.py" line="53" />
            <source>{count} posts imported. Undo (Ctrl+Z) removes them all.</source>
            <translation>{count} publication(s) importée(s). Annuler (Ctrl+Z) les retire toutes.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/transfer.py" line="68" />
            <source>{count} posts exported to {file}.</source>
            <translation>{count} publication(s) exportée(s) vers {file}.</translation>
        </message>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/transfer.py" line="76" />
            <source>The file could not be used: {reason}</source>
            <translation>Le fichier n’a pas pu être utilisé : {reason}</translation>
        </message>
    </context>
    <context>
        <name>WeekGrid</name>
        <message>
            <location filename="../../src/cmdesk/gui/calendar/week_view.py" line="172" />
            <source>+{count}</source>
            <translation>+{count}</translation>
        </message>
    </context>
</TS>

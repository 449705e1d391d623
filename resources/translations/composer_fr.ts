<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ComposerDialog</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="64" />
        <source>New post</source>
        <translation>Nouvelle publication</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="64" />
        <source>Edit post</source>
        <translation>Modifier la publication</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="74" />
        <source>Publish to</source>
        <translation>Publier sur</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="76" />
        <source>No account yet: add one in Accounts to publish.</source>
        <translation>Aucun compte pour l’instant : ajoutez-en un dans Comptes pour publier.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="99" />
        <source>Save as draft</source>
        <translation>Enregistrer comme brouillon</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="102" />
        <source>Schedule</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="108" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="162" />
        <source>This post no longer exists.</source>
        <translation>Cette publication n’existe plus.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="188" />
        <source>Could not read the workspace: {error}</source>
        <translation>Impossible de lire l’espace de travail : {error}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="259" />
        <source>Choose at least one account to schedule the post.</source>
        <translation>Choisissez au moins un compte pour programmer la publication.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="261" />
        <source>The post is empty.</source>
        <translation>La publication est vide.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="266" />
        <source>The planned time is in the past.</source>
        <translation>L’heure prévue est déjà passée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="320" />
        <source>Unsaved post</source>
        <translation>Publication non enregistrée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="320" />
        <source>Discard the changes to this post?</source>
        <translation>Abandonner les modifications de cette publication ?</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="338" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="344" />
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/dialog.py" line="351" />
        <source>Not saved: {error}</source>
        <translation>Non enregistré : {error}</translation>
    </message>
</context>
<context>
    <name>Counters</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/counters.py" line="29" />
        <source>{used}/{limit} bytes</source>
        <translation>{used}/{limit} octets</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/counters.py" line="31" />
        <source>{used}/{limit} hashtags</source>
        <translation>{used}/{limit} hashtags</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/counters.py" line="33" />
        <source>{used}/{limit} links</source>
        <translation>{used}/{limit} liens</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/counters.py" line="35" />
        <source>invalid characters</source>
        <translation>caractères refusés</translation>
    </message>
</context>
<context>
    <name>MediaPanel</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/media_panel.py" line="65" />
        <source>Alt text: describe the picture for people who cannot see it</source>
        <translation>Texte alternatif : décrivez l’image pour les personnes qui ne la voient pas</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/media_panel.py" line="67" />
        <source>Add pictures…</source>
        <translation>Ajouter des images…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/media_panel.py" line="69" />
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/media_panel.py" line="71" />
        <source>Edit image…</source>
        <translation>Modifier l’image…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/media_panel.py" line="148" />
        <source>Add pictures</source>
        <translation>Ajouter des images</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/media_panel.py" line="149" />
        <source>Pictures (*.jpg *.jpeg *.png *.webp *.gif *.heic *.avif)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.gif *.heic *.avif)</translation>
    </message>
</context>
<context>
    <name>NetworkPreview</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/preview.py" line="180" />
        <source>now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/preview.py" line="185" />
        <location filename="../../src/cmdesk/gui/composer/preview.py" line="187" />
        <source>more</source>
        <translation>Voir plus</translation>
    </message>
</context>
<context>
    <name>Preflight</name>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="134" />
        <source>{network}: the text is {over} over the limit of {limit}.</source>
        <translation>{network} : le texte dépasse de {over} la limite de {limit}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="138" />
        <source>{network}: the text takes {used} bytes, more than {limit}.</source>
        <translation>{network} : le texte occupe {used} octets, plus que {limit}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="142" />
        <source>{network} refuses some invisible characters in this text (such as U+FFFE or bidirectional embeddings).</source>
        <translation>{network} refuse certains caractères invisibles de ce texte (comme U+FFFE ou des marques de direction).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="145" />
        <source>{network}: {count} hashtags, at most {limit} are allowed.</source>
        <translation>{network} : {count} hashtags, {limit} au maximum.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="149" />
        <source>{network}: {count} links, at most {limit} are allowed.</source>
        <translation>{network} : {count} liens, {limit} au maximum.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="160" />
        <source>{network} takes at most {limit} pictures; this post has {count}.</source>
        <translation>{network} accepte au plus {limit} images ; cette publication en a {count}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="166" />
        <source>{network}: picture {number} cannot be read.</source>
        <translation>{network} : l’image {number} est illisible.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="182" />
        <source>{network} does not accept animated {format} (picture {number}).</source>
        <translation>{network} n’accepte pas les {format} animés (image {number}).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="186" />
        <source>{network}: picture {number} ({format}) will be converted to JPEG or PNG.</source>
        <translation>{network} : l’image {number} ({format}) sera convertie en JPEG ou PNG.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="192" />
        <source>{network}: picture {number} is larger than {limit} MB.</source>
        <translation>{network} : l’image {number} dépasse {limit} Mo.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="195" />
        <source>{network}: picture {number} is larger than {limit} MB and will be recompressed.</source>
        <translation>{network} : l’image {number} dépasse {limit} Mo et sera recompressée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="203" />
        <source>{network}: picture {number} has a {ratio} width:height ratio; it accepts {low} to {high}. Crop it in the image studio.</source>
        <translation>{network} : l’image {number} a un rapport largeur/hauteur de {ratio} ; le réseau accepte de {low} à {high}. Recadrez-la dans le studio d’images.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="208" />
        <source>{network}: picture {number} is {width} px wide; it needs at least {limit} px.</source>
        <translation>{network} : l’image {number} fait {width} px de large ; il faut au moins {limit} px.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="213" />
        <source>{network}: picture {number} has no alt text.</source>
        <translation>{network} : l’image {number} n’a pas de texte alternatif.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/preflight.py" line="217" />
        <source>{network}: the alt text of picture {number} is longer than {limit} characters.</source>
        <translation>{network} : le texte alternatif de l’image {number} dépasse {limit} caractères.</translation>
    </message>
</context>
<context>
    <name>ScheduleBox</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/schedule_box.py" line="46" />
        <source>launch, newsletter</source>
        <translation>lancement, newsletter</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/schedule_box.py" line="49" />
        <source>Let the network publish it (works with this computer off)</source>
        <translation>Laisser le réseau la publier (fonctionne ordinateur éteint)</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/schedule_box.py" line="59" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/schedule_box.py" line="60" />
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/schedule_box.py" line="61" />
        <source>Campaign</source>
        <translation>Campagne</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/schedule_box.py" line="90" />
        <source>Unknown time zone: {zone}</source>
        <translation>Fuseau horaire inconnu : {zone}</translation>
    </message>
</context>
<context>
    <name>Snippets</name>
    <message>
        <location filename="../../src/cmdesk/core/snippets.py" line="42" />
        <source>A snippet needs a name.</source>
        <translation>Un extrait doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/snippets.py" line="44" />
        <source>A snippet needs some text.</source>
        <translation>Un extrait doit contenir du texte.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/snippets.py" line="46" />
        <source>Unknown snippet kind: {kind}.</source>
        <translation>Type d’extrait inconnu : {kind}.</translation>
    </message>
</context>
<context>
    <name>SnippetsButton</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="38" />
        <source>Snippets</source>
        <translation>Extraits</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="54" />
        <source>Hashtag sets</source>
        <translation>Jeux de hashtags</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="54" />
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="62" />
        <source>Manage snippets…</source>
        <translation>Gérer les extraits…</translation>
    </message>
</context>
<context>
    <name>SnippetsDialog</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="86" />
        <source>Snippets</source>
        <translation>Extraits</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="93" />
        <source>Hashtag set</source>
        <translation>Jeu de hashtags</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="94" />
        <source>Signature</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="99" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="100" />
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="101" />
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="102" />
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="104" />
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/snippets_menu.py" line="106" />
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>TextTabs</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/editors.py" line="59" />
        <source>Write your post…</source>
        <translation>Écrivez votre publication…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/editors.py" line="61" />
        <source>All networks</source>
        <translation>Tous les réseaux</translation>
    </message>
</context>
<context>
    <name>ThreadPanel</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/thread_panel.py" line="42" />
        <source>Split into a thread</source>
        <translation>Découper en fil</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/thread_panel.py" line="44" />
        <source>Join into one post</source>
        <translation>Réunir en une publication</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/thread_panel.py" line="99" />
        <source>Splitting…</source>
        <translation>Découpage…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/thread_panel.py" line="105" />
        <source>Could not split the text: {error}</source>
        <translation>Impossible de découper le texte : {error}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/thread_panel.py" line="112" />
        <source>The text changed while splitting; split again.</source>
        <translation>Le texte a changé pendant le découpage ; découpez à nouveau.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/thread_panel.py" line="117" />
        <source>The text already fits in one post on every chosen network.</source>
        <translation>Le texte tient déjà en une publication sur chaque réseau choisi.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/thread_panel.py" line="119" />
        <source>{count} posts. Edit them before saving.</source>
        <translation>{count} publications. Modifiez-les avant d’enregistrer.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/thread_panel.py" line="147" />
        <source>Part {number}</source>
        <translation>Partie {number}</translation>
    </message>
</context>
<context>
    <name>_VariantTab</name>
    <message>
        <location filename="../../src/cmdesk/gui/composer/editors.py" line="35" />
        <source>Follow the main text</source>
        <translation>Suivre le texte principal</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/editors.py" line="45" />
        <source>Own text for this network</source>
        <translation>Texte propre à ce réseau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/composer/editors.py" line="46" />
        <source>Follows the main text; type here to adapt it</source>
        <translation>Suit le texte principal ; écrivez ici pour l’adapter</translation>
    </message>
</context>
</TS>
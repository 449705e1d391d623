<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>Bluesky</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="97" />
        <source>This is your main Bluesky password. Create an app password (Settings &gt; Privacy and security &gt; App passwords) and use it here instead.</source>
        <translation>C’est votre mot de passe Bluesky principal. Créez un mot de passe d’application (Paramètres &gt; Confidentialité et sécurité &gt; Mots de passe d’application) et utilisez-le ici.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="185" />
        <source>No record key was kept for this post: check the profile.</source>
        <translation>Aucune clé d’enregistrement n’a été gardée pour ce post : vérifiez le profil.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="214" />
        <source>Bluesky did not keep the image.</source>
        <translation>Bluesky n’a pas gardé l’image.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="242" />
        <source>Bluesky answered without the post's address.</source>
        <translation>Bluesky a répondu sans l’adresse du post.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/atproto.py" line="151" />
        <source>Not signed in to Bluesky: sign in again.</source>
        <translation>Pas de connexion à Bluesky : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/atproto.py" line="185" />
        <source>The Bluesky session ended: sign in again.</source>
        <translation>La session Bluesky est terminée : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/atproto.py" line="202" />
        <source>Bluesky refused the session: sign in again.</source>
        <translation>Bluesky a refusé la session : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/atproto.py" line="238" />
        <source>Bluesky did not accept this handle and app password ({reason}).</source>
        <translation>Bluesky n’a pas accepté cet identifiant et ce mot de passe d’application ({reason}).</translation>
    </message>
</context>
<context>
    <name>Discord</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="77" />
        <source>This is not a Discord webhook address (it starts with https://discord.com/api/webhooks/).</source>
        <translation>Ce n’est pas une adresse de webhook Discord (elle commence par https://discord.com/api/webhooks/).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="97" />
        <source>No webhook address: connect the Discord channel again.</source>
        <translation>Aucune adresse de webhook : reconnectez le salon Discord.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="109" />
        <source>Discord no longer accepts this webhook ({reason}): it was deleted or reset. Connect the channel again.</source>
        <translation>Discord n’accepte plus ce webhook ({reason}) : il a été supprimé ou réinitialisé. Reconnectez le salon.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="141" />
        <source>Discord cannot tell whether the message went out: check the channel.</source>
        <translation>Discord ne peut pas dire si le message est parti : vérifiez le salon.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="176" />
        <source>Too long for Discord: 2000 characters at most.</source>
        <translation>Trop long pour Discord : 2000 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="178" />
        <source>Discord takes 10 pictures at most per message.</source>
        <translation>Discord accepte 10 images au plus par message.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="180" />
        <source>Discord cannot send an empty message.</source>
        <translation>Discord ne peut pas envoyer un message vide.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="182" />
        <source>A picture description is longer than 1024 characters.</source>
        <translation>Une description d’image dépasse 1024 caractères.</translation>
    </message>
</context>
<context>
    <name>Requirements</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="61" />
        <source>Bluesky needs your handle and an app password (Settings &gt; Privacy and security &gt; App passwords), never your main password. Your computer must be on when a post is due: Bluesky cannot hold a post until a time.</source>
        <translation>Bluesky demande votre identifiant et un mot de passe d’application (Paramètres &gt; Confidentialité et sécurité &gt; Mots de passe d’application), jamais votre mot de passe principal. Votre ordinateur doit être allumé à l’heure du post : Bluesky ne sait pas garder un post jusqu’à une heure donnée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="109" />
        <source>WordPress needs the site address, your user name and an application password (Users &gt; Profile &gt; Application Passwords; WordPress 5.6 or later, over HTTPS). Scheduled posts are handed to WordPress, which publishes them itself.</source>
        <translation>WordPress demande l’adresse du site, votre nom d’utilisateur et un mot de passe d’application (Utilisateurs &gt; Profil &gt; Mots de passe d’application ; WordPress 5.6 ou plus récent, en HTTPS). Les articles programmés sont confiés à WordPress, qui les publie lui-même.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="70" />
        <source>Telegram needs a bot of your own: create it with @BotFather, then add it to your channel as an administrator allowed to post messages. Give the bot token and the channel (@name, or its numeric id starting with -100).</source>
        <translation>Telegram demande un bot à vous : créez-le avec @BotFather, puis ajoutez-le à votre canal comme administrateur autorisé à publier. Donnez le jeton du bot et le canal (@nom, ou son identifiant numérique commençant par -100).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="54" />
        <source>Discord needs a webhook of the channel you post to: Channel settings &gt; Integrations &gt; Webhooks &gt; New webhook &gt; Copy webhook URL. Anyone with that address can post there, so cmdesk keeps it in your system keyring.</source>
        <translation>Discord demande un webhook du salon où vous publiez : Paramètres du salon &gt; Intégrations &gt; Webhooks &gt; Nouveau webhook &gt; Copier l’URL du webhook. Quiconque a cette adresse peut publier dans le salon : cmdesk la garde donc dans le trousseau du système.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="74" />
        <source>Handle or e-mail</source>
        <translation>Identifiant ou e-mail</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="76" />
        <source>App password</source>
        <translation>Mot de passe d’application</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="78" />
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/bluesky.py" line="80" />
        <source>Leave empty for bsky.social; give your own PDS address if you host one.</source>
        <translation>Laissez vide pour bsky.social ; donnez l’adresse de votre PDS si vous en hébergez un.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="118" />
        <source>Site address</source>
        <translation>Adresse du site</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="119" />
        <source>User name</source>
        <translation>Nom d’utilisateur</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="120" />
        <source>Application password</source>
        <translation>Mot de passe d’application</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="81" />
        <source>Bot token</source>
        <translation>Jeton du bot</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="83" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="84" />
        <source>@name of a public channel, or the numeric id (-100…) of a private one.</source>
        <translation>@nom d’un canal public, ou l’identifiant numérique (-100…) d’un canal privé.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/discord.py" line="65" />
        <source>Webhook URL</source>
        <translation>URL du webhook</translation>
    </message>
</context>
<context>
    <name>Telegram</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="103" />
        <source>The bot @{bot} is not an administrator of {channel} allowed to post: add it in the channel's settings.</source>
        <translation>Le bot @{bot} n’est pas administrateur de {channel} avec le droit de publier : ajoutez-le dans les paramètres du canal.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="117" />
        <source>No bot token: sign in again.</source>
        <translation>Aucun jeton de bot : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="156" />
        <source>Telegram cannot tell whether the post went out: check the channel.</source>
        <translation>Telegram ne peut pas dire si le post est parti : vérifiez le canal.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="205" />
        <source>Too long for Telegram: {limit} characters at most {where}.</source>
        <translation>Trop long pour Telegram : {limit} caractères au plus {where}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="207" />
        <source>under pictures</source>
        <translation>sous des images</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="208" />
        <source>in a message</source>
        <translation>dans un message</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="210" />
        <source>Telegram takes 10 pictures at most per post.</source>
        <translation>Telegram accepte 10 images au plus par post.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/telegram.py" line="212" />
        <source>Telegram cannot send an empty message.</source>
        <translation>Telegram ne peut pas envoyer un message vide.</translation>
    </message>
</context>
<context>
    <name>WordPress</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="85" />
        <source>WordPress refused the user name or application password ({reason}).</source>
        <translation>WordPress a refusé le nom d’utilisateur ou le mot de passe d’application ({reason}).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="145" />
        <source>Not signed in to WordPress: sign in again.</source>
        <translation>Pas de connexion à WordPress : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="178" />
        <source>No WordPress site answers at {site}: check the address.</source>
        <translation>Aucun site WordPress ne répond à {site} : vérifiez l’adresse.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="222" />
        <source>WordPress has already published this post.</source>
        <translation>WordPress a déjà publié cet article.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="240" />
        <source>WordPress no longer holds this post: it was trashed or deleted there.</source>
        <translation>WordPress ne garde plus cet article : il y a été mis à la corbeille ou supprimé.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/wordpress.py" line="311" />
        <source>Too late to hand this post to WordPress: it is due in less than a minute.</source>
        <translation>Trop tard pour confier ce post à WordPress : il part dans moins d’une minute.</translation>
    </message>
</context>
</TS>
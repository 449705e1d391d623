<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountStates</name>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/states.py" line="44" />
        <source>Expires today</source>
        <translation>Expire aujourd’hui</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/states.py" line="46" />
        <source>Expires tomorrow</source>
        <translation>Expire demain</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/states.py" line="47" />
        <source>Expires in {days} days</source>
        <translation>Expire dans {days} jours</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/states.py" line="49" />
        <source>Needs sign-in</source>
        <translation>Reconnexion nécessaire</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/states.py" line="51" />
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/states.py" line="52" />
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/bridge.py" line="37" />
        <source>Sign-in cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="53" />
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="62" />
        <source>Keep sign-ins for this session only</source>
        <translation>Garder les connexions pour cette session seulement</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="69" />
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="69" />
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="69" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="74" />
        <source>No account yet. Choose "Add account…" to connect one.</source>
        <translation>Aucun compte pour l’instant. Choisissez « Ajouter un compte… » pour en connecter un.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="77" />
        <source>Add account…</source>
        <translation>Ajouter un compte…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="78" />
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="79" />
        <source>Sign in again…</source>
        <translation>Se reconnecter…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="80" />
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="81" />
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="185" />
        <source>{name} is connected.</source>
        <translation>{name} est connecté.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="192" />
        <source>Testing {name}…</source>
        <translation>Test de {name}…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="201" />
        <source>{name}: the connection works.</source>
        <translation>{name} : la connexion fonctionne.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="207" />
        <source>{name} needs to sign in again: {reason}</source>
        <translation>{name} doit se reconnecter : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="216" />
        <source>Signing {name} out…</source>
        <translation>Déconnexion de {name}…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="223" />
        <source>{name} is signed out.</source>
        <translation>{name} est déconnecté.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="234" />
        <source>Remove {name} from cmdesk? Its sign-in is deleted from the keyring.</source>
        <translation>Supprimer {name} de cmdesk ? Sa connexion est effacée du trousseau.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="238" />
        <source>1 planned post still targets this account; it stays in your calendar but will not be published there.</source>
        <translation>1 publication planifiée vise encore ce compte ; elle reste dans votre calendrier mais n’y sera pas publiée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="242" />
        <source>{count} planned posts still target this account; they stay in your calendar but will not be published there.</source>
        <translation>{count} publications planifiées visent encore ce compte ; elles restent dans votre calendrier mais n’y seront pas publiées.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="244" />
        <source>Remove account</source>
        <translation>Supprimer le compte</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="246" />
        <source>Removing {name}…</source>
        <translation>Suppression de {name}…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="252" />
        <source>{name} was removed.</source>
        <translation>{name} a été supprimé.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/dialog.py" line="275" />
        <source>Sign-ins are kept in memory until cmdesk quits.</source>
        <translation>Les connexions sont gardées en mémoire jusqu’à la fermeture de cmdesk.</translation>
    </message>
</context>
<context>
    <name>AddAccountDialog</name>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="50" />
        <source>Sign-in failed ({kind}).</source>
        <translation>La connexion a échoué ({kind}).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="75" />
        <source>Add an account</source>
        <translation>Ajouter un compte</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="93" />
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="94" />
        <source>Cancel sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="98" />
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="105" />
        <source>Network:</source>
        <translation>Réseau :</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="128" />
        <source>Sign in again: {name}</source>
        <translation>Se reconnecter : {name}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="153" />
        <source>Please fill in: {fields}</source>
        <translation>Veuillez remplir : {fields}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="171" />
        <source>Opening the sign-in page in your browser…</source>
        <translation>Ouverture de la page de connexion dans votre navigateur…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="172" />
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="182" />
        <source>Approve cmdesk in your browser ({link}). Your browser then goes to the redirect address, which may show an error page: copy that whole address and paste it here.</source>
        <translation>Autorisez cmdesk dans votre navigateur ({link}). Le navigateur va ensuite à l’adresse de redirection, qui peut afficher une page d’erreur : copiez cette adresse en entier et collez-la ici.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="190" />
        <source>Waiting for you to approve cmdesk in your browser ({link})…</source>
        <translation>En attente de votre autorisation dans le navigateur ({link})…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="205" />
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/add_dialog.py" line="229" />
        <source>Sign-in cancelled.</source>
        <translation>Connexion annulée.</translation>
    </message>
</context>
<context>
    <name>Connectors</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/meta_container.py" line="157" />
        <source>The post went out but cannot be found yet.</source>
        <translation>La publication est partie mais reste introuvable pour l’instant.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/meta_container.py" line="206" />
        <source>The daily number of posts allowed through the API is used up.</source>
        <translation>Le nombre de publications autorisées par jour via l’API est épuisé.</translation>
    </message>
</context>
<context>
    <name>Facebook</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="181" />
        <source>A post handed to Facebook cannot carry comments.</source>
        <translation>Une publication confiée à Facebook ne peut pas porter de commentaires.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="224" />
        <source>Facebook can only hold a post planned at least 10 minutes ahead.</source>
        <translation>Facebook ne peut garder une publication que si elle est prévue au moins 10 minutes à l’avance.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="210" />
        <source>Facebook has already published this post.</source>
        <translation>Facebook a déjà publié cette publication.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="235" />
        <source>No Page found: check that you have a role on it and granted the app access.</source>
        <translation>Aucune Page trouvée : vérifiez que vous y avez un rôle et que vous avez donné l’accès à l’application.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="238" />
        <source>You manage several Pages ({names}): type the one to use.</source>
        <translation>Vous gérez plusieurs Pages ({names}) : saisissez celle à utiliser.</translation>
    </message>
</context>
<context>
    <name>Instagram</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/instagram.py" line="67" />
        <source>An Instagram post needs at least one picture.</source>
        <translation>Une publication Instagram doit contenir au moins une image.</translation>
    </message>
</context>
<context>
    <name>LinkedIn</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="110" />
        <source>The client secret is needed unless LinkedIn enabled native PKCE.</source>
        <translation>Le secret client est nécessaire, sauf si LinkedIn a activé le PKCE natif.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="163" />
        <source>LinkedIn accepted the post but did not say which one it created.</source>
        <translation>LinkedIn a accepté la publication sans dire laquelle il a créée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="171" />
        <source>A LinkedIn poll cannot carry pictures.</source>
        <translation>Un sondage LinkedIn ne peut pas contenir d’images.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="291" />
        <source>Give the company page as its number or its address (linkedin.com/company/12345).</source>
        <translation>Indiquez la page entreprise par son numéro ou son adresse (linkedin.com/company/12345).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="304" />
        <source>LinkedIn's daily limit is reached.</source>
        <translation>La limite quotidienne de LinkedIn est atteinte.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="311" />
        <source>A LinkedIn poll has 2 to 4 options of at most 30 characters.</source>
        <translation>Un sondage LinkedIn a de 2 à 4 choix de 30 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="314" />
        <source>A LinkedIn poll question has at most 140 characters.</source>
        <translation>La question d’un sondage LinkedIn a 140 caractères au plus.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin_media.py" line="32" />
        <source>LinkedIn did not give an upload address.</source>
        <translation>LinkedIn n’a pas fourni d’adresse d’envoi.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin_media.py" line="45" />
        <source>LinkedIn could not process a picture.</source>
        <translation>LinkedIn n’a pas pu traiter une image.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin_media.py" line="48" />
        <source>LinkedIn is still processing a picture.</source>
        <translation>LinkedIn traite encore une image.</translation>
    </message>
</context>
<context>
    <name>MediaHost</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="69" />
        <source>{label} must be an https:// address.</source>
        <translation>{label} doit être une adresse https://.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="146" />
        <source>This network fetches pictures from a public address: choose a WordPress site, or give both an upload URL and its public URL.</source>
        <translation>Ce réseau va chercher les images à une adresse publique : choisissez un site WordPress, ou indiquez à la fois une URL d’envoi et son URL publique.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="163" />
        <source>The WordPress site used as media host is no longer signed in.</source>
        <translation>Le site WordPress qui héberge les images n’est plus connecté.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="168" />
        <source>No media host is configured for this account.</source>
        <translation>Aucun hébergement d’images n’est configuré pour ce compte.</translation>
    </message>
</context>
<context>
    <name>Requirements</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="55" />
        <source>Facebook needs a Meta developer app of your own (developers.facebook.com) with Facebook Login, and you must have a role on the Page you post to. Until the app passes Meta's App Review, only people with a role on the app itself can sign in. Add the redirect URL below to the app's valid OAuth redirect URIs. Posts can be handed to Facebook at least 10 minutes ahead, so they go out with your computer off.</source>
        <translation>Facebook demande votre propre application de développeur Meta (developers.facebook.com) avec Facebook Login, et un rôle sur la Page où vous publiez. Tant que l’application n’a pas passé l’App Review de Meta, seules les personnes ayant un rôle sur l’application peuvent se connecter. Ajoutez l’URL de redirection ci-dessous aux URI de redirection OAuth valides de l’application. Une publication peut être confiée à Facebook au moins 10 minutes à l’avance : elle part même ordinateur éteint.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/instagram.py" line="34" />
        <source>Instagram needs a professional (business or creator) account and a Meta developer app of your own with the Instagram API and Instagram Login. Until the app passes App Review, only accounts added as testers on the app can sign in. Instagram fetches pictures from a public web address, so you also need a media host: a WordPress site connected in cmdesk, or a storage folder that accepts uploads. Every post needs at least one picture.</source>
        <translation>Instagram demande un compte professionnel (entreprise ou créateur) et votre propre application de développeur Meta avec l’API Instagram et Instagram Login. Tant que l’application n’a pas passé l’App Review, seuls les comptes ajoutés comme testeurs peuvent se connecter. Instagram va chercher les images à une adresse web publique : il vous faut aussi un hébergement d’images, un site WordPress connecté dans cmdesk ou un dossier de stockage qui accepte les envois. Chaque publication doit contenir au moins une image.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/threads.py" line="40" />
        <source>Threads needs a Meta developer app of your own with the Threads API use case. Until the app passes App Review, only Threads profiles added as testers on the app can sign in. Threads fetches pictures from a public web address, so you also need a media host: a WordPress site connected in cmdesk, or a storage folder that accepts uploads.</source>
        <translation>Threads demande votre propre application de développeur Meta avec le cas d’usage API Threads. Tant que l’application n’a pas passé l’App Review, seuls les profils Threads ajoutés comme testeurs peuvent se connecter. Threads va chercher les images à une adresse web publique : il vous faut aussi un hébergement d’images, un site WordPress connecté dans cmdesk ou un dossier de stockage qui accepte les envois.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="59" />
        <source>LinkedIn needs a developer app of your own (linkedin.com/developers) with the "Share on LinkedIn" and "Sign In with LinkedIn using OpenID Connect" products. To post as a company page, the app also needs the Community Management API (approved by LinkedIn) and you must be an administrator or content admin of the page. LinkedIn only accepts HTTPS redirect addresses: after you approve, paste the address your browser shows back into cmdesk. If LinkedIn enabled native PKCE for your app, type "loopback" as the redirect URL and no secret is needed.</source>
        <translation>LinkedIn demande votre propre application de développeur (linkedin.com/developers) avec les produits « Share on LinkedIn » et « Sign In with LinkedIn using OpenID Connect ». Pour publier au nom d’une page entreprise, l’application doit aussi avoir la Community Management API (approuvée par LinkedIn) et vous devez être administrateur ou gestionnaire de contenu de la page. LinkedIn n’accepte que des adresses de redirection HTTPS : après votre autorisation, collez dans cmdesk l’adresse affichée par le navigateur. Si LinkedIn a activé le PKCE natif pour votre application, saisissez « loopback » comme URL de redirection : aucun secret n’est alors nécessaire.</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="34" />
        <source>App ID</source>
        <translation>ID de l’application</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="36" />
        <source>The ID of your own developer app, from its settings.</source>
        <translation>L’identifiant de votre application de développeur, dans ses réglages.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="37" />
        <source>App secret</source>
        <translation>Secret de l’application</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="38" />
        <source>Kept in the system keyring only.</source>
        <translation>Gardé uniquement dans le trousseau du système.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="39" />
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="84" />
        <source>Redirect URL</source>
        <translation>URL de redirection</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="67" />
        <source>Nothing was pasted: sign-in cancelled.</source>
        <translation>Rien n’a été collé : connexion annulée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="73" />
        <source>The network refused the sign-in: {detail}</source>
        <translation>Le réseau a refusé la connexion : {detail}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="76" />
        <source>This address belongs to another sign-in attempt.</source>
        <translation>Cette adresse appartient à une autre tentative de connexion.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="79" />
        <source>The pasted address has no code in it.</source>
        <translation>L’adresse collée ne contient pas de code.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="92" />
        <source>After approving, paste the address your browser shows, then press Enter:</source>
        <translation>Après avoir autorisé, collez l’adresse affichée par votre navigateur, puis appuyez sur Entrée :</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="107" />
        <source>Paste the address your browser shows after you approve the app.</source>
        <translation>Collez l’adresse affichée par votre navigateur après avoir autorisé l’application.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="123" />
        <source>No saved sign-in for this account: sign in again.</source>
        <translation>Aucune connexion enregistrée pour ce compte : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="68" />
        <source>Must be listed in the app's Facebook Login settings. Meta only accepts HTTPS addresses: after you approve, copy the address your browser shows and paste it back.</source>
        <translation>Doit figurer dans les réglages Facebook Login de l’application. Meta n’accepte que des adresses HTTPS : après votre autorisation, copiez l’adresse affichée par le navigateur et collez-la ici.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="74" />
        <source>Page name or ID</source>
        <translation>Nom ou ID de la Page</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/facebook.py" line="75" />
        <source>Leave empty if you manage a single Page.</source>
        <translation>Laissez vide si vous ne gérez qu’une Page.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/instagram.py" line="60" />
        <source>Must be listed in the app's Instagram Login settings. Meta only accepts HTTPS addresses: after you approve, copy the address your browser shows and paste it back.</source>
        <translation>Doit figurer dans les réglages Instagram Login de l’application. Meta n’accepte que des adresses HTTPS : après votre autorisation, copiez l’adresse affichée par le navigateur et collez-la ici.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/threads.py" line="65" />
        <source>Must be listed as a redirect callback URL on the app. Meta only accepts HTTPS addresses: after you approve, copy the address your browser shows and paste it back.</source>
        <translation>Doit figurer parmi les URL de rappel de l’application. Meta n’accepte que des adresses HTTPS : après votre autorisation, copiez l’adresse affichée par le navigateur et collez-la ici.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="79" />
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="80" />
        <source>From the Auth tab of your LinkedIn developer app.</source>
        <translation>Dans l’onglet Auth de votre application de développeur LinkedIn.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="81" />
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="82" />
        <source>Kept in the system keyring only. Not needed with native PKCE.</source>
        <translation>Gardé uniquement dans le trousseau du système. Inutile avec le PKCE natif.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="85" />
        <source>An HTTPS address listed on the app, or "loopback" if LinkedIn enabled native PKCE for it.</source>
        <translation>Une adresse HTTPS enregistrée sur l’application, ou « loopback » si LinkedIn y a activé le PKCE natif.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="88" />
        <source>Company page (optional)</source>
        <translation>Page entreprise (facultatif)</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/linkedin.py" line="89" />
        <source>Leave empty to post as yourself.</source>
        <translation>Laissez vide pour publier en votre nom.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="121" />
        <source>Media host: WordPress site</source>
        <translation>Hébergement d’images : site WordPress</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="122" />
        <source>Pictures are put in this site's media library while the network fetches them, then deleted.</source>
        <translation>Les images sont déposées dans la médiathèque de ce site le temps que le réseau les récupère, puis supprimées.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="125" />
        <source>Or upload URL (PUT)</source>
        <translation>Ou URL d’envoi (PUT)</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="126" />
        <source>A folder that accepts HTTP PUT: an S3-style bucket, WebDAV...</source>
        <translation>Un dossier qui accepte HTTP PUT : un bucket de type S3, WebDAV…</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="128" />
        <source>Public URL of that folder</source>
        <translation>URL publique de ce dossier</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="130" />
        <source>Authorization header for uploads</source>
        <translation>En-tête Authorization pour les envois</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="132" />
        <source>Optional; kept in the system keyring only.</source>
        <translation>Facultatif ; gardé uniquement dans le trousseau du système.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="141" />
        <source>The WordPress site address</source>
        <translation>L’adresse du site WordPress</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="150" />
        <source>The upload URL</source>
        <translation>L’URL d’envoi</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/media_host.py" line="151" />
        <source>The public URL</source>
        <translation>L’URL publique</translation>
    </message>
</context>
<context>
    <name>SignInForm</name>
    <message>
        <location filename="../../src/cmdesk/gui/accounts/form.py" line="53" />
        <source>None</source>
        <translation>Aucun</translation>
    </message>
</context>
<context>
    <name>Threads</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/threads.py" line="77" />
        <source>A Threads poll cannot carry pictures.</source>
        <translation>Un sondage Threads ne peut pas contenir d’images.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/threads.py" line="80" />
        <source>A Threads poll has 2 to 4 options.</source>
        <translation>Un sondage Threads a de 2 à 4 choix.</translation>
    </message>
</context>
</TS>
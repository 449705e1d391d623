<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountsCommand</name>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="77"/>
        <source>Unknown sign-in field: {name} (expected one of: {names})</source>
        <translation>Champ de connexion inconnu : {name} (attendu : {names})</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="85"/>
        <source>{label} is secret: type it when asked, or pipe it on standard input, never as an argument.</source>
        <translation>{label} est secret : tapez-le quand il est demandé ou passez-le sur l’entrée standard, jamais en argument.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="102"/>
        <source>{label} is required.</source>
        <translation>{label} est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="128"/>
        <source>disabled</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="130"/>
        <location filename="../../src/cmdesk/commands/accounts.py" line="136"/>
        <source>needs sign-in</source>
        <translation>connexion à refaire</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="133"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="138"/>
        <source>expires in {days} days</source>
        <translation>expire dans {days} jours</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="139"/>
        <source>expires in {hours} hours</source>
        <translation>expire dans {hours} heures</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="164"/>
        <source>cmdesk cannot connect to {network} in this version.</source>
        <translation>Cette version de cmdesk ne sait pas se connecter à {network}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="182"/>
        <source>Opening your browser to sign in; come back here when it says you are signed in.</source>
        <translation>Ouverture du navigateur pour vous connecter ; revenez ici quand il indique que vous êtes connecté.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="193"/>
        <source>Sign-in failed: {reason}</source>
        <translation>Échec de la connexion : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="201"/>
        <source>Signed in again to {name}, id {id}.</source>
        <translation>Nouvelle connexion pour {name}, identifiant {id}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="210"/>
        <source>Added {name} ({network}), id {id}.</source>
        <translation>{name} ({network}) ajouté, identifiant {id}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="253"/>
        <source>No accounts yet: add one with `cmdesk accounts add NETWORK`.</source>
        <translation>Aucun compte pour l’instant : ajoutez-en un avec `cmdesk accounts add RÉSEAU`.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="275"/>
        <source>No account matches {id}; see `cmdesk accounts list`.</source>
        <translation>Aucun compte ne correspond à {id} ; voir `cmdesk accounts list`.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="298"/>
        <source>Could not check {name}: {reason}</source>
        <translation>Impossible de vérifier {name} : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="308"/>
        <source>{name} works (signed in as {who}).</source>
        <translation>{name} fonctionne (connecté en tant que {who}).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="314"/>
        <source>{name} needs a new sign-in: {reason}</source>
        <translation>{name} demande une nouvelle connexion : {reason}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="333"/>
        <source>Could not revoke cmdesk&apos;s access at the network ({reason}); you can revoke it in your account&apos;s settings there.</source>
        <translation>Impossible de révoquer l’accès de cmdesk auprès du réseau ({reason}) ; vous pouvez le révoquer dans les réglages de votre compte sur ce réseau.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/commands/accounts.py" line="342"/>
        <source>Removed {name}.</source>
        <translation>{name} supprimé.</translation>
    </message>
</context>
<context>
    <name>Connectors</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/http.py" line="61"/>
        <source>Refusing to send to {host} without encryption: use an https:// address.</source>
        <translation>Envoi vers {host} sans chiffrement refusé : utilisez une adresse https://.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/http.py" line="64"/>
        <source>Unsupported address: {url}</source>
        <translation>Adresse non prise en charge : {url}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/http.py" line="100"/>
        <location filename="../../src/cmdesk/core/connectors/http.py" line="106"/>
        <source>TLS verification cannot be turned off.</source>
        <translation>La vérification TLS ne peut pas être désactivée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/responses.py" line="158"/>
        <location filename="../../src/cmdesk/core/connectors/mastodon.py" line="242"/>
        <location filename="../../src/cmdesk/core/connectors/x.py" line="169"/>
        <source>The server answered something unexpected.</source>
        <translation>Le serveur a répondu quelque chose d’inattendu.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/responses.py" line="212"/>
        <source>The secure connection to {host} failed.</source>
        <translation>La connexion sécurisée à {host} a échoué.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/responses.py" line="214"/>
        <source>Could not reach {host}.</source>
        <translation>Impossible de joindre {host}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/responses.py" line="216"/>
        <source>The connection to {host} broke after the request was sent; it may have been applied.</source>
        <translation>La connexion à {host} a été coupée après l’envoi de la requête ; elle a peut-être été appliquée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/responses.py" line="220"/>
        <source>{host} did not answer in time.</source>
        <translation>{host} n’a pas répondu à temps.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/responses.py" line="221"/>
        <source>The connection to {host} broke.</source>
        <translation>La connexion à {host} a été coupée.</translation>
    </message>
</context>
<context>
    <name>Mastodon</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon.py" line="86"/>
        <source>No saved sign-in for this account: sign in again.</source>
        <translation>Aucune connexion enregistrée pour ce compte : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon.py" line="137"/>
        <source>The server is still processing the image.</source>
        <translation>Le serveur traite encore l’image.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon.py" line="249"/>
        <source>Too many posts since this one was sent to tell whether it went out; check the account on the server.</source>
        <translation>Trop de publications depuis l’envoi de celle-ci pour savoir si elle est partie ; vérifiez le compte sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon.py" line="270"/>
        <source>Mastodon cannot hold a thread for later: cmdesk will publish it itself at its time.</source>
        <translation>Mastodon ne peut pas garder un fil pour plus tard : cmdesk le publiera lui-même à l’heure prévue.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon.py" line="273"/>
        <source>Mastodon can hold a post only if it is at least 5 minutes ahead.</source>
        <translation>Mastodon ne peut garder une publication que si elle est prévue au moins 5 minutes à l’avance.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon.py" line="325"/>
        <source>The server no longer holds this scheduled post: it was already published or deleted there.</source>
        <translation>Le serveur ne détient plus cette publication programmée : elle y a déjà été publiée ou supprimée.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon.py" line="331"/>
        <source>Mastodon holds at most 25 scheduled posts per day and 300 in total for an account; this one would go over. ({reason})</source>
        <translation>Mastodon garde au plus 25 publications programmées par jour et 300 au total par compte ; celle-ci dépasserait la limite. ({reason})</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon_signin.py" line="57"/>
        <source>Enter the address of your Mastodon server.</source>
        <translation>Saisissez l’adresse de votre serveur Mastodon.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon_signin.py" line="62"/>
        <source>This is not a server address: {text}</source>
        <translation>Ce n’est pas une adresse de serveur : {text}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon_signin.py" line="113"/>
        <source>{server} does not look like a Mastodon server.</source>
        <translation>{server} ne ressemble pas à un serveur Mastodon.</translation>
    </message>
</context>
<context>
    <name>OAuth</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/oauth.py" line="51"/>
        <source>Could not open a web browser. Open this address yourself to sign in: {url}</source>
        <translation>Impossible d’ouvrir un navigateur. Ouvrez vous-même cette adresse pour vous connecter : {url}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/oauth.py" line="93"/>
        <source>Signed in. You can close this window and return to cmdesk.</source>
        <translation>Connecté. Vous pouvez fermer cette fenêtre et revenir à cmdesk.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/oauth.py" line="94"/>
        <source>Sign-in did not complete. Return to cmdesk.</source>
        <translation>La connexion n’a pas abouti. Revenez à cmdesk.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/oauth.py" line="107"/>
        <source>Port {port} on this computer is busy, so the browser cannot come back to cmdesk. Close the program using it and try again.</source>
        <translation>Le port {port} de cet ordinateur est occupé, le navigateur ne peut donc pas revenir à cmdesk. Fermez le programme qui l’utilise et réessayez.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/oauth.py" line="128"/>
        <source>Sign-in timed out: the browser did not come back.</source>
        <translation>Délai de connexion dépassé : le navigateur n’est pas revenu.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/oauth.py" line="132"/>
        <source>Sign-in was cancelled in the browser.</source>
        <translation>La connexion a été annulée dans le navigateur.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/oauth.py" line="135"/>
        <source>Sign-in refused: the answer did not come from the request cmdesk made (state mismatch).</source>
        <translation>Connexion refusée : la réponse ne provient pas de la demande faite par cmdesk (state différent).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/oauth.py" line="139"/>
        <source>Sign-in did not return an authorization code.</source>
        <translation>La connexion n’a pas renvoyé de code d’autorisation.</translation>
    </message>
</context>
<context>
    <name>Secrets</name>
    <message>
        <location filename="../../src/cmdesk/core/secrets.py" line="40"/>
        <source>No system keyring is available to keep your passwords and tokens safe. Start or unlock your desktop keyring (GNOME Keyring, KWallet, macOS Keychain or Windows Credential Manager) and try again, or choose to keep secrets for this session only (you will have to sign in again after quitting).</source>
        <translation>Aucun trousseau système n’est disponible pour protéger vos mots de passe et jetons. Démarrez ou déverrouillez le trousseau de votre bureau (GNOME Keyring, KWallet, Trousseau macOS ou Gestionnaire d’identification Windows) puis réessayez, ou choisissez de garder les secrets pour cette session seulement (il faudra vous reconnecter après avoir quitté).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/secrets.py" line="123"/>
        <source>the keyring did not answer</source>
        <translation>le trousseau n’a pas répondu</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/secrets.py" line="164"/>
        <source>the keyring is locked</source>
        <translation>le trousseau est verrouillé</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/secrets.py" line="166"/>
        <source>the unlock prompt was dismissed</source>
        <translation>la demande de déverrouillage a été fermée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/secrets.py" line="188"/>
        <source>no secure keyring backend was found</source>
        <translation>aucun trousseau sûr n’a été trouvé</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/byo_app.py" line="113" />
        <source>Enter the loopback address registered on your app, for example http://127.0.0.1:8765/callback, or leave the field empty to paste the address.</source>
        <translation>Saisissez l’adresse locale enregistrée dans votre application, par exemple http://127.0.0.1:8765/callback, ou laissez le champ vide pour coller l’adresse.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon_signin.py" line="49"/>
        <source>Server address</source>
        <translation>Adresse du serveur</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/mastodon_signin.py" line="50"/>
        <source>The address of the Mastodon server your account is on.</source>
        <translation>L’adresse du serveur Mastodon où se trouve votre compte.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x_auth.py" line="28"/>
        <source>Client ID of your X developer app</source>
        <translation>Client ID de votre application développeur X</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x_auth.py" line="29"/>
        <source>From developer.x.com: a Native App with OAuth 2.0 turned on. It is kept in your keyring.</source>
        <translation>Sur developer.x.com : une « Native App » avec OAuth 2.0 activé. Il est conservé dans votre trousseau.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x_auth.py" line="31"/>
        <source>Callback port</source>
        <translation>Port de rappel</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x_auth.py" line="33"/>
        <source>The port of the callback URL registered in your app: http://127.0.0.1:&lt;port&gt;/callback</source>
        <translation>Le port de l’URL de rappel enregistrée dans votre application : http://127.0.0.1:&lt;port&gt;/callback</translation>
    </message>
</context>
<context>
    <name>X</name>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x.py" line="212"/>
        <source>Too many posts since this one was sent to tell whether it went out; check the account on X.</source>
        <translation>Trop de publications depuis l’envoi de celle-ci pour savoir si elle est partie ; vérifiez le compte sur X.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x.py" line="219"/>
        <source>X no longer shows this post (deleted or hidden).</source>
        <translation>X n’affiche plus cette publication (supprimée ou masquée).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x_auth.py" line="57"/>
        <source>Enter the Client ID of your X developer app.</source>
        <translation>Saisissez le Client ID de votre application développeur X.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x_auth.py" line="64"/>
        <source>The callback port must be a number.</source>
        <translation>Le port de rappel doit être un nombre.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x_auth.py" line="93"/>
        <source>No saved sign-in for this account: sign in again.</source>
        <translation>Aucune connexion enregistrée pour ce compte : reconnectez-vous.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/connectors/x_auth.py" line="100"/>
        <source>The X session ended: sign in again.</source>
        <translation>La session X est terminée : reconnectez-vous.</translation>
    </message>
</context>
</TS>

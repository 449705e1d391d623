<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Store</name>
    <message>
        <location filename="../../src/cmdesk/core/store/errors.py" line="24"/>
        <source>The workspace file {path} is damaged ({reason}) and was left untouched. A backup from the previous save is in {backup}.</source>
        <translation>Le fichier d’espace de travail {path} est endommagé ({reason}) et n’a pas été modifié. Une sauvegarde de l’enregistrement précédent se trouve dans {backup}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/errors.py" line="30"/>
        <source>The workspace file {path} is damaged ({reason}) and was left untouched. No backup of it exists yet.</source>
        <translation>Le fichier d’espace de travail {path} est endommagé ({reason}) et n’a pas été modifié. Il n’en existe encore aucune sauvegarde.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/errors.py" line="44"/>
        <source>The workspace {path} is already open in another cmdesk process.</source>
        <translation>L’espace de travail {path} est déjà ouvert dans un autre processus cmdesk.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/errors.py" line="57"/>
        <source>The workspace {path} was saved by a newer version of cmdesk (format {found}; this version knows up to {known}). Update cmdesk to open it.</source>
        <translation>L’espace de travail {path} a été enregistré par une version plus récente de cmdesk (format {found} ; cette version connaît jusqu’au format {known}). Mettez cmdesk à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/errors.py" line="71"/>
        <source>The change could not be saved to {path}: {error}. Nothing was changed.</source>
        <translation>La modification n’a pas pu être enregistrée dans {path} : {error}. Rien n’a été modifié.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/snapshot.py" line="81"/>
        <source>not a cmdesk workspace file</source>
        <translation>ce n’est pas un fichier d’espace de travail cmdesk</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/snapshot.py" line="83"/>
        <source>written by a newer cmdesk</source>
        <translation>écrit par une version plus récente de cmdesk</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/snapshot.py" line="100"/>
        <source>its checksum does not match</source>
        <translation>sa somme de contrôle ne correspond pas</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/snapshot.py" line="102"/>
        <source>unexpected data after its end</source>
        <translation>données inattendues après sa fin</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/snapshot.py" line="106"/>
        <source>an entry is malformed</source>
        <translation>une entrée est mal formée</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/snapshot.py" line="109"/>
        <source>it is cut short</source>
        <translation>il est tronqué</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/workspace.py" line="79"/>
        <source>The end of the workspace journal was damaged (an interrupted write or a disk error). Changes saved before it are intact; {size} unreadable bytes were set aside in {side}.</source>
        <translation>La fin du journal de l’espace de travail était endommagée (écriture interrompue ou erreur de disque). Les modifications enregistrées avant sont intactes ; {size} octets illisibles ont été mis de côté dans {side}.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/store/legacy.py" line="35"/>
        <source>not valid JSON</source>
        <translation>ce n’est pas du JSON valide</translation>
    </message>
</context>
</TS>

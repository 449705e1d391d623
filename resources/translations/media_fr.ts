<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>Media</name>
    <message>
        <location filename="../../src/cmdesk/core/media/errors.py" line="18" />
        <source>“{name}” is not a picture cmdesk can read (JPEG, PNG, WebP, GIF or HEIC).</source>
        <translation>« {name} » n’est pas une image que cmdesk sait lire (JPEG, PNG, WebP, GIF ou HEIC).</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/media/errors.py" line="23" />
        <source>“{name}” is damaged or incomplete: the picture data stops early.</source>
        <translation>« {name} » est abîmé ou incomplet : les données de l’image s’arrêtent trop tôt.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/media/errors.py" line="30" />
        <source>“{name}” claims to be larger than the {limit} megapixels cmdesk can process.</source>
        <translation>« {name} » annonce une taille supérieure aux {limit} mégapixels que cmdesk peut traiter.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/media/errors.py" line="33" />
        <source>“{name}” is {width} × {height} pixels, more than the {limit} megapixels cmdesk can process. Export a smaller copy and try again.</source>
        <translation>« {name} » mesure {width} × {height} pixels, plus que les {limit} mégapixels que cmdesk peut traiter. Exportez une copie plus petite et réessayez.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/media/errors.py" line="39" />
        <source>“{name}” cannot be found. Was it moved or deleted?</source>
        <translation>« {name} » est introuvable. A-t-il été déplacé ou supprimé ?</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/core/media/errors.py" line="44" />
        <source>“{name}” cannot be made smaller than {size} for {network} without ruining it.</source>
        <translation>« {name} » ne peut pas passer sous {size} pour {network} sans être abîmé.</translation>
    </message>
</context>
</TS>
<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>CropCanvas</name>
    <message>
        <location filename="../../src/cmdesk/gui/studio/canvas.py" line="28" />
        <source>Crop area</source>
        <translation>Zone de recadrage</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/canvas.py" line="147" />
        <source>Loading the picture…</source>
        <translation>Chargement de l’image…</translation>
    </message>
</context>
<context>
    <name>ImageStudioDialog</name>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="67" />
        <source>Image studio — {name}</source>
        <translation>Studio image — {name}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="82" />
        <source>Rotate left</source>
        <translation>Pivoter à gauche</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="83" />
        <source>Rotate right</source>
        <translation>Pivoter à droite</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="84" />
        <source>Flip</source>
        <translation>Retourner</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="85" />
        <source>Set focal point</source>
        <translation>Point focal</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="89" />
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="98" />
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="122" />
        <source>Describe the picture for people who cannot see it</source>
        <translation>Décrivez l’image pour les personnes qui ne la voient pas</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="123" />
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="134" />
        <source>Alt text</source>
        <translation>Texte alternatif</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="130" />
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="131" />
        <source>Shape</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="132" />
        <source>What it gets</source>
        <translation>Ce qu’il recevra</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="145" />
        <source>&lt;b&gt;{name}&lt;/b&gt; — the original file is never modified; each network gets its own crop.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; — le fichier d’origine n’est jamais modifié ; chaque réseau a son propre recadrage.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="170" />
        <source>The picture could not be opened.</source>
        <translation>L’image n’a pas pu être ouverte.</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="198" />
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="273" />
        <source>{width} × {height} px · {kind} · {size} kB</source>
        <translation>{width} × {height} px · {kind} · {size} ko</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="282" />
        <source>{network}: no alt text</source>
        <translation>{network} : pas de texte alternatif</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="285" />
        <source>{network}: {used} / {limit}</source>
        <translation>{network} : {used} / {limit}</translation>
    </message>
    <message>
        <location filename="../../src/cmdesk/gui/studio/dialog.py" line="303" />
        <source>Could not save: {reason}</source>
        <translation>Enregistrement impossible : {reason}</translation>
    </message>
</context>
</TS>
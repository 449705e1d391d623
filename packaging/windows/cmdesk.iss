; SPDX-License-Identifier: GPL-3.0-or-later
; Inno Setup script: a per-user installer (no admin rights) for dist\cmdesk.
; "Start at login" is not set here: the user turns it on in Preferences (cmdesk.core.autostart).
#define AppVersion "0.1.0"
[Setup]
AppId={{6C2B1E0A-6E51-4B8C-9C1E-1C0D5E6A7B21}
AppName=cmdesk
AppVersion={#AppVersion}
AppPublisher=The cmdesk contributors
DefaultDirName={localappdata}\Programs\cmdesk
DefaultGroupName=cmdesk
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=cmdesk-setup
SetupIconFile=..\..\build\icons\cmdesk.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Files]
Source: "..\..\dist\cmdesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\cmdesk"; Filename: "{app}\cmdesk.exe"
Name: "{userdesktop}\cmdesk"; Filename: "{app}\cmdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\cmdesk.exe"; Description: "{cm:LaunchProgram,cmdesk}"; Flags: nowait postinstall skipifsilent

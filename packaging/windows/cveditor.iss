; Inno Setup script for the Windows installer. NOT RUN HERE (this project is built and
; tested on Linux); build the bundle on Windows first:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install . pyinstaller
;   .venv\Scripts\pyinstaller --noconfirm packaging\pyinstaller\cveditor.spec
;   iscc packaging\windows\cveditor.iss
; The bundle carries its own fonts (resources/fonts, registered at start), so PDFs
; print as on Linux; Malgun Gothic is only a fallback.

#define AppName "cveditor"
#define AppVersion "0.1.0"

[Setup]
AppId={{6C0F8F3C-3C1E-4B5E-9A53-2F1D7C0B9E11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The cveditor developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
OutputDir=..\..\dist
OutputBaseFilename=cveditor-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"

[Files]
Source: "..\..\dist\cveditor\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\cveditor.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\cveditor.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\cveditor.exe"; Parameters: "--sample"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

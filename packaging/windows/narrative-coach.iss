; Inno Setup script: a per-user Windows installer for the one-folder bundle.
;
; On Windows, first build the bundle (packaging/build.sh in Git Bash, or
; .venv\Scripts\python -m PyInstaller packaging\narrative-coach.spec), then compile this with
; Inno Setup 6:  iscc packaging\windows\narrative-coach.iss
; The installer is written to dist\installer\NarrativeCoach-<version>-setup.exe.
; Keep AppVersion in step with narrative_app/__init__.py (or pass /DAppVersion=x.y.z to iscc).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Narrative Coach"
#define AppExe "narrative-coach.exe"
#define Bundle "..\..\dist\narrative-coach"

[Setup]
; A fixed AppId lets later versions upgrade this one in place. Never change it.
AppId={{6B0F3C52-7E1A-4C1B-9D6E-2A5F8C3B9E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Narrative Coach developers
AppCopyright=Copyright (c) Narrative Coach developers. MIT licence.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user by default (no administrator rights needed); the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\narrative-coach.ico
UninstallDisplayIcon={app}\{#AppExe}
OutputDir=..\..\dist\installer
OutputBaseFilename=NarrativeCoach-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
; The app's source language is English (UK); Inno Setup ships British English as "English".
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "Open .narrative files with {#AppName}"; GroupDescription: "File types:"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Write, time and rehearse a public narrative"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .narrative files (a Narrative Coach narrative bundle) show the app's icon; double-clicking
; one starts the app (import it from the library: the app does not yet take a file argument).
Root: HKA; Subkey: "Software\Classes\.narrative"; ValueType: string; ValueName: ""; ValueData: "NarrativeCoach.Narrative"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\NarrativeCoach.Narrative"; ValueType: string; ValueName: ""; ValueData: "Narrative Coach narrative"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\NarrativeCoach.Narrative\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\NarrativeCoach.Narrative\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"""; Tasks: association

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there; the user's narratives live in %LOCALAPPDATA%\NarrativeCoach and
; are never removed by uninstalling.
Type: filesandordirs; Name: "{app}\_internal"

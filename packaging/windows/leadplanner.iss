; Inno Setup 6 script: a Windows installer for the one-folder app that packaging/leadplanner.spec
; builds in dist\LeadPlanner\ (leadplanner.exe, the app; leadplanner-cli.exe, the command line).
;
;   pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\leadplanner.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\leadplanner.iss
;
; makes dist\LeadPlanner-<version>-setup.exe. It installs for the current user by default (no
; administrator needed; "for all users" is offered), adds a Start menu entry, and makes .leadplan
; files open in Lead Planner (double-click) with the app's icon. Paths are relative to this file.
; .github\workflows\build.yml builds and tries it on windows-latest.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0E5C1A-3F7D-4B8E-9C2A-5D1F0E7A4C93}
AppName=Lead Planner
AppVersion={#AppVersion}
AppVerName=Lead Planner {#AppVersion}
AppPublisher=Lead Planner
DefaultDirName={autopf}\Lead Planner
DefaultGroupName=Lead Planner
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=LeadPlanner-{#AppVersion}-setup
SetupIconFile=..\icons\leadplanner.ico
UninstallDisplayIcon={app}\leadplanner.exe
UninstallDisplayName=Lead Planner {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\LeadPlanner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Lead Planner"; Filename: "{app}\leadplanner.exe"
Name: "{autodesktop}\Lead Planner"; Filename: "{app}\leadplanner.exe"; Tasks: desktopicon

[Registry]
; .leadplan -> LeadPlanner.Plan (HKA: the current user's classes, or the machine's when installed for all users)
Root: HKA; Subkey: "Software\Classes\.leadplan"; ValueType: string; ValueName: ""; ValueData: "LeadPlanner.Plan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.leadplan"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-leadplan"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.leadplan\OpenWithProgids"; ValueType: string; ValueName: "LeadPlanner.Plan"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\LeadPlanner.Plan"; ValueType: string; ValueName: ""; ValueData: "Lead Planner plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\LeadPlanner.Plan\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\leadplanner.exe,0"
Root: HKA; Subkey: "Software\Classes\LeadPlanner.Plan\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\leadplanner.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\leadplanner.exe\SupportedTypes"; ValueType: string; ValueName: ".leadplan"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\leadplanner.exe"; Description: "{cm:LaunchProgram,Lead Planner}"; Flags: nowait postinstall skipifsilent

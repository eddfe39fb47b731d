; Inno Setup script (saved as UTF-8 with a byte-order mark, as Inno Setup needs for Vietnamese text): the Windows installer of "Sổ đảng viên" (tayninh-desktop).
;
; Per-user install, no administrator rights (PrivilegesRequired=lowest): the program goes to
; %LOCALAPPDATA%\Programs\SoDangVien, a Start-menu shortcut, an optional desktop shortcut; the data stays in
; the user's application-data folder (%LOCALAPPDATA%\tayninh-desktop, see src/tayninh_desktop/config.py) and
; the uninstaller keeps it unless the user asks to remove it too. Vietnamese wizard text.
;
; Built by installer\build_bundle.ps1 (Inno Setup 6.5 or later), which passes the version and the folder of
; the one-folder program:
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=..\build\bundle\app\tayninh-desktop installer\tayninh-desktop.iss
; The Vietnamese messages are Inno Setup's own translation (Vietnamese.isl, "Inno Setup version 6.5.0+
; Vietnamese messages", kept among the unofficial translations of the Inno Setup sources:
; Files/Languages/Unofficial/Vietnamese.isl). Inno Setup does not install the unofficial ones: the build
; script looks for it beside this script and in the compiler's Languages folder (docs/installing-windows.md).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\build\bundle\app\tayninh-desktop"
#endif
#ifndef VietnameseIsl
  #define VietnameseIsl "Vietnamese.isl"
#endif
#ifndef OutputDir
  #define OutputDir "..\build\bundle\installer"
#endif
#define AppName "Sổ đảng viên"
#define AppExe "so-dang-vien.exe"
; The data folder the program uses when no portable.txt is beside it (platformdirs user_data_dir).
#define DataFolder "{localappdata}\tayninh-desktop"

[Setup]
AppId={{635200B8-A359-4CDF-B5E6-D8CF1526BCC0}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Văn phòng Đảng ủy
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
; No administrator rights needed: everything goes under the user's own profile.
PrivilegesRequired=lowest
DefaultDirName={autopf}\SoDangVien
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
; PySide6 6.11 (Qt 6.11) runs on 64-bit Windows 10 version 1809 (build 17763) or later, and Windows 11.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes
RestartApplications=no
OutputDir={#OutputDir}
OutputBaseFilename=SoDangVien-CaiDat-{#AppVersion}
ShowLanguageDialog=no
; The program never opens a network connection; the installer downloads nothing either.

[Languages]
Name: "vi"; MessagesFile: "{#VietnameseIsl}"

[CustomMessages]
vi.DesktopIcon=Tạo biểu tượng trên màn hình nền (Desktop)
vi.IconsGroup=Biểu tượng:
vi.LaunchNow=Mở chương trình {#AppName} ngay
vi.SelfTest=Tự kiểm tra chương trình
vi.DataKeptTitle=Dữ liệu sổ đảng viên
vi.AskRemoveData=Đã gỡ chương trình {#AppName}.%n%nDữ liệu (sổ đảng viên, bản sao lưu, mẫu văn bản riêng, nhật ký lỗi) vẫn còn trong thư mục:%n%1%n%nCó XÓA LUÔN dữ liệu này không?%n%nChọn «Không» để giữ lại (nên giữ: cài lại chương trình sẽ dùng tiếp dữ liệu này).
vi.ConfirmRemoveData=Xóa dữ liệu là xóa hẳn sổ đảng viên trên máy này, không lấy lại được.%n%nChắc chắn xóa?
vi.DataRemoved=Đã xóa dữ liệu trong %1.
vi.DataKept=Dữ liệu vẫn được giữ trong %1.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:IconsGroup}"; Flags: unchecked

[Files]
; The whole one-folder program (PyInstaller COLLECT output), never a portable.txt: an installed program keeps
; its data in the user's application-data folder.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs; Excludes: "portable.txt"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
; The self-test in a console that stays open, so its result can be read.
Name: "{autoprograms}\{#AppName} — {cm:SelfTest}"; Filename: "{cmd}"; Parameters: "/k ""{app}\tayninh-desktop.exe"" --self-test"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[Code]
{ The uninstaller removes the program; the data is removed only when the user says so twice, and never in a
  silent uninstall (an upgrade or a script must not lose a register). }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Folder := ExpandConstant('{#DataFolder}');
  if UninstallSilent or not DirExists(Folder) then
    exit;
  if (MsgBox(FmtMessage(CustomMessage('AskRemoveData'), [Folder]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES)
     and (MsgBox(CustomMessage('ConfirmRemoveData'), mbError, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
  begin
    DelTree(Folder, True, True, True);
    MsgBox(FmtMessage(CustomMessage('DataRemoved'), [Folder]), mbInformation, MB_OK);
  end
  else
    MsgBox(FmtMessage(CustomMessage('DataKept'), [Folder]), mbInformation, MB_OK);
end;

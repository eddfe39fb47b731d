# Builds the Windows program on a Windows 10/11 (64-bit) machine:
#   build\bundle\app\tayninh-desktop\            the one-folder program (PyInstaller)
#   build\bundle\SoDangVien-DiDong-VERSION.zip  the portable copy (portable.txt inside: data beside the program)
#   build\bundle\installer\SoDangVien-CaiDat-VERSION.exe   the installer (Inno Setup 6.5+), when ISCC.exe is found
#
#   powershell -ExecutionPolicy Bypass -File installer\build_bundle.ps1 [-Python py] [-Out build\bundle]
#
# Same steps as installer/build_bundle.sh: a build virtualenv with the pinned [bundle] tools, `python -m build`
# (sdist, then the wheel), the wheel installed, PyInstaller, the program's own --self-test, then the installer.
# docs/installing-windows.md says what to install first (Python 3.11+, Inno Setup 6.5+ and its Vietnamese.isl).
param(
    [string]$Python = "py",
    [string]$Out = ""
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..")
if (-not $Out) { $Out = Join-Path $Root "build\bundle" }
New-Item -ItemType Directory -Force -Path $Out | Out-Null
$Out = Resolve-Path $Out
$Venv = Join-Path $Out "venv"
$VenvPy = Join-Path $Venv "Scripts\python.exe"
$App = Join-Path $Out "app\tayninh-desktop"

function Step($text) { Write-Host ""; Write-Host "== $text" }
function Run($exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "Lỗi khi chạy: $exe $($arguments -join ' ')" }
}

Step "build virtualenv"
if (-not (Test-Path $VenvPy)) {
    if ($Python -eq "py") { Run "py" @("-3", "-m", "venv", $Venv) } else { Run $Python @("-m", "venv", $Venv) }
}
$Tools = & $VenvPy -c "import tomllib,sys; print('\n'.join(tomllib.load(open(sys.argv[1],'rb'))['project']['optional-dependencies']['bundle']))" (Join-Path $Root "pyproject.toml")
Run $VenvPy (@("-m", "pip", "install", "-q", "--disable-pip-version-check") + $Tools)

Step "sdist and wheel (python -m build)"
$Dist = Join-Path $Out "dist"
if (Test-Path $Dist) { Remove-Item -Recurse -Force $Dist }
Run $VenvPy @("-m", "build", "--outdir", $Dist, $Root)
$Wheel = (Get-ChildItem (Join-Path $Dist "tayninh_desktop-*.whl")).FullName
Run $VenvPy @("-m", "pip", "install", "-q", "--disable-pip-version-check", "--force-reinstall", "--no-deps", $Wheel)
Run $VenvPy @("-m", "pip", "install", "-q", "--disable-pip-version-check", $Wheel)
$Version = & $VenvPy -c "from importlib.metadata import version; print(version('tayninh-desktop'))"

Step "PyInstaller"
if (Test-Path (Join-Path $Out "app")) { Remove-Item -Recurse -Force (Join-Path $Out "app") }
Push-Location $Out
try {
    Run (Join-Path $Venv "Scripts\pyinstaller.exe") @("--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", (Join-Path $Out "app"), "--workpath", (Join-Path $Out "work"),
        (Join-Path $Root "installer\tayninh-desktop.spec"))
} finally { Pop-Location }

Step "self-test of the program"
$Check = Join-Path $env:TEMP ("tayninh-self-test-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $Check | Out-Null
Push-Location $Check
try {
    $env:TAYNINH_DESKTOP_DATA_DIR = Join-Path $Check "data"
    Run (Join-Path $App "tayninh-desktop.exe") @("--self-test")
} finally {
    Remove-Item Env:\TAYNINH_DESKTOP_DATA_DIR
    Pop-Location
    Remove-Item -Recurse -Force $Check
}
# The user guide and its pictures (installer/bundle_docs.py) are in the bundle: Trợ giúp › Hướng dẫn shows them.
$Guide = Join-Path $App "_internal\docs\huong-dan.md"
if (-not (Test-Path $Guide)) { throw "Thiếu tài liệu hướng dẫn trong gói chương trình: $Guide" }
foreach ($bad in @("Qt6Network*", "*WebEngine*", "qvnc*", "qtuiotouch*")) {
    if (Get-ChildItem -Recurse -Path $App -Filter $bad) { throw "Gói chương trình có thành phần mạng: $bad" }
}

Step "portable copy (zip with portable.txt)"
$Portable = Join-Path $Out "portable\SoDangVien"
if (Test-Path (Join-Path $Out "portable")) { Remove-Item -Recurse -Force (Join-Path $Out "portable") }
New-Item -ItemType Directory -Force -Path $Portable | Out-Null
Copy-Item -Recurse -Path (Join-Path $App "*") -Destination $Portable
Copy-Item (Join-Path $Root "installer\portable.txt") $Portable
$Zip = Join-Path $Out "SoDangVien-DiDong-$Version.zip"
if (Test-Path $Zip) { Remove-Item $Zip }
Compress-Archive -Path $Portable -DestinationPath $Zip
Write-Host $Zip

Step "installer (Inno Setup)"
$Iscc = @("$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe", "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
          "$env:ProgramFiles\Inno Setup 6\ISCC.exe") | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $Iscc) {
    Write-Warning "Không thấy Inno Setup 6 (ISCC.exe): bỏ qua bộ cài đặt. Xem docs/installing-windows.md."
    exit 0
}
$Isl = Join-Path $Root "installer\Vietnamese.isl"
if (-not (Test-Path $Isl)) { $Isl = Join-Path (Split-Path $Iscc) "Languages\Vietnamese.isl" }
if (-not (Test-Path $Isl)) {
    throw ("Thiếu bản dịch tiếng Việt của Inno Setup (Vietnamese.isl). Chép tệp đó (bản dịch không chính thức " +
           "của Inno Setup 6.5+) vào installer\ rồi chạy lại. Xem docs/installing-windows.md.")
}
Run $Iscc @("/Q", "/DAppVersion=$Version", "/DBundleDir=$App", "/DVietnameseIsl=$Isl",
            "/DOutputDir=$(Join-Path $Out 'installer')", (Join-Path $Root "installer\tayninh-desktop.iss"))
Write-Host (Join-Path $Out "installer\SoDangVien-CaiDat-$Version.exe")

@echo off
rem Builds the Windows program, its portable zip and its installer: see installer\build_bundle.ps1.
rem Double-click, or run from a command prompt in the project folder: installer\build_bundle.bat
chcp 65001 >nul
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build_bundle.ps1" %*
if errorlevel 1 (
  echo.
  echo Đóng gói KHÔNG thành công. Xem thông báo phía trên.
  pause
  exit /b 1
)

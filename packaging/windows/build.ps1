# SPDX-License-Identifier: GPL-3.0-or-later
# Windows recipe (PowerShell, Python 3.11 x64 from python.org, run from the repository root):
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Produces dist\cmdesk\cmdesk.exe (one folder) and, when Inno Setup 6 is installed,
# dist\cmdesk-setup.exe from cmdesk.iss. Keyring uses the Windows Credential Manager backend
# (keyring.backends.Windows, collected by the spec); zoneinfo needs the tzdata wheel on Windows.
$ErrorActionPreference = "Stop"
py -3.11 -m venv .venv
.venv\Scripts\python -m pip install --upgrade pip
.venv\Scripts\python -m pip install -e ".[package]" tzdata pywin32-ctypes
.venv\Scripts\python scripts\build_translations.py
.venv\Scripts\python packaging\icons.py build\icons
.venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\cmdesk.spec
# Smoke test: the frozen app renders its window without a visible screen.
$env:QT_QPA_PLATFORM = "offscreen"
dist\cmdesk\cmdesk.exe --data-dir "$env:TEMP\cmdesk-smoke" --demo --screenshot build\windows-smoke.png
if ($LASTEXITCODE -ne 0) { throw "frozen app failed ($LASTEXITCODE)" }
$iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe"
if (Test-Path $iscc) { & $iscc packaging\windows\cmdesk.iss }

#!/usr/bin/env bash
# Debian tools the test suite uses beyond Node: xmllint validates JUnit output against its XSD, Chromium renders
# the HTML report, git and pre-commit run the pre-commit hook in a real repository, Neovim runs the language
# server as an editor does, Python's csv module and LibreOffice Calc read the CSV gradebook back as a grader's
# tools would. Installs what is missing (as root, or through sudo); without either, says so and goes
# on: those tests then skip with a note, except under CI, where they fail.
# With --bench, instead: what `pnpm bench` runs beside the command, the course's checker (reports/report.py), on
# Debian's Python with the packages it imports; not needed by any test.
set -euo pipefail
missing=()
if [ "${1:-}" = "--bench" ]; then
  /usr/bin/python3 -c "import typer, markdown, pydantic, loguru" 2>/dev/null ||
    missing=(python3 python3-typer python3-markdown python3-pydantic python3-loguru)
else
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v git >/dev/null 2>&1 || missing+=(git)
command -v pre-commit >/dev/null 2>&1 || missing+=(pre-commit)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc)
fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then run=(); elif command -v sudo >/dev/null 2>&1; then run=(sudo); else
  echo "system-deps: cannot install ${missing[*]} (not root, no sudo); what needs them skips or fails" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system-deps: installed ${missing[*]}"

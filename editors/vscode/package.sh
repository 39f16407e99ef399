#!/usr/bin/env bash
# Packages the VS Code extension as medlint-VERSION.vsix in this folder,
# with vscode-languageclient and @vscode/vsce from the npm registry.
#   editors/vscode/package.sh
#   code --install-extension editors/vscode/medlint-0.1.0.vsix
set -euo pipefail
cd "$(dirname "$0")"
cp ../../LICENSE LICENSE
trap 'rm -f LICENSE' EXIT
npm install --no-audit --no-fund --loglevel=error
npx --yes @vscode/vsce@3 package --allow-missing-repository

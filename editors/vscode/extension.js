// Starts `medlint server` and connects VS Code's language client to it.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("medlint").get("path") || "medlint";
  const server = { command, args: ["server"] };
  client = new LanguageClient(
    "medlint",
    "medlint",
    { run: server, debug: server },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "mdx" },
        { scheme: "file", language: "html" },
        { scheme: "file", pattern: "**/*.txt" },
      ],
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher("**/{medlint.toml,.medlint.toml}"),
      },
    }
  );
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

// Canary for electronegativity.test.ts: deliberately insecure Electron code.
// The scan must flag it; if it does not, the scan is not running and a green
// result over the real sources would mean nothing. Never imported or shipped.
const { BrowserWindow, shell } = require('electron');

function openInsecureWindow(url) {
  const window = new BrowserWindow({
    webPreferences: {
      nodeIntegration: true,
      contextIsolation: false,
      webSecurity: false,
      allowRunningInsecureContent: true,
    },
  });
  window.loadURL(url);
  window.webContents.on('new-window', (_event, target) => shell.openExternal(target));
  return window;
}

module.exports = { openInsecureWindow };

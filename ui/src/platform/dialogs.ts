import { open, save } from "@tauri-apps/plugin-dialog";

// The end-to-end tests cannot click through the desktop's native file dialogs, so they
// set this folder (through WebDriver) and the dialogs are skipped. Nothing else sets it.
declare global {
  interface Window {
    __EISHRO_E2E_FILES__?: string;
  }
}

export async function chooseSavePath(defaultName: string, extensions: string[]): Promise<string | null> {
  if (window.__EISHRO_E2E_FILES__) return `${window.__EISHRO_E2E_FILES__}/${defaultName}`;
  return save({ defaultPath: defaultName, filters: [{ name: extensions.join(", ").toUpperCase(), extensions }] });
}

export async function chooseOpenPath(extensions: string[]): Promise<string | null> {
  const picked = await open({ multiple: false, filters: [{ name: "CSV / Excel", extensions }] });
  return typeof picked === "string" ? picked : null;
}

/** A file to attach to a ticket (SPEC §7.6: images and PDF). */
export async function chooseAttachment(): Promise<string | null> {
  const picked = await open({ multiple: false, filters: [{ name: "Images / PDF", extensions: ["jpg", "jpeg", "png", "gif", "webp", "pdf"] }] });
  return typeof picked === "string" ? picked : null;
}

/**
 * Opens a native `<dialog>` whose form (`method="dialog"`) has a button with `value="confirm"`;
 * resolves true when that button closed it, false on any other button or Escape. Focus goes to
 * the dialog's `autofocus` button, and back to `opener` when it closes.
 */
export function confirmDialog(dialog: HTMLDialogElement, opener: HTMLElement): Promise<boolean> {
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        opener.focus();
        resolve(dialog.returnValue === 'confirm');
      },
      { once: true },
    );
    dialog.showModal();
  });
}

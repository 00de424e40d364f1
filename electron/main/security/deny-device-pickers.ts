import type { Session } from 'electron';

/**
 * WebHID, WebSerial and WebUSB stay closed to the page: the card reader and printer belong to the
 * host's drivers alone, and a page that could open them could bypass every check.
 */
export function denyDevicePickers(session: Session): void {
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
}

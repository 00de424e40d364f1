import type { Session } from 'electron';
import { APP_ORIGIN } from '../app-protocol';

/**
 * Every permission is denied except `media` for the app's own origin: the document camera and the
 * face camera (issue 5). Notifications, geolocation, HID, serial, USB… stay with the host.
 */
export function denyPermissions(session: Session): void {
  const allowed = (permission: string, origin: string) =>
    permission === 'media' && origin === APP_ORIGIN;
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(allowed(permission, new URL(contents.getURL()).origin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    allowed(permission, requestingOrigin),
  );
}

/**
 * How the host hands the device worker its configuration: JSON `{ devices, dataDir }` in one
 * environment variable (argv would show it to every user of the machine through `ps`).
 */
export const WORKER_CONFIG_ENV = 'KIOSK_DEVICE_WORKER_CONFIG';

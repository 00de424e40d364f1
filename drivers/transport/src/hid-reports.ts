/**
 * How a byte stream rides in fixed-size HID reports (our convention for SAM readers and code
 * readers that enumerate as vendor-defined HID, see README "HID report layout"):
 *
 * - output report (host → device): `[reportId = 0x00, len, data × len, 0x00 padding]`, exactly
 *   `reportSize` bytes, so at most `reportSize - 2` data bytes per report. The leading 0x00 is
 *   node-hid's "no numbered reports" report id; hidraw strips it on the wire.
 * - input report (device → host): `[len, data × len, padding]`, at most `reportSize - 1` data
 *   bytes (input reports arrive without the report id).
 *
 * Frames longer than one report are split on write and simply concatenated on read: the frame
 * accumulator above does not care where reports end.
 */
export const OUTPUT_REPORT_ID = 0x00;

/** Splits `bytes` into output reports of exactly `reportSize` bytes each. */
export function toOutputReports(bytes: Uint8Array, reportSize: number): Uint8Array[] {
  if (!Number.isInteger(reportSize) || reportSize < 3 || reportSize > 257) {
    throw new RangeError(`reportSize must be 3..257, got ${reportSize}`);
  }
  const perReport = reportSize - 2;
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += perReport) {
    const data = bytes.subarray(offset, offset + perReport);
    const report = new Uint8Array(reportSize);
    report[0] = OUTPUT_REPORT_ID;
    report[1] = data.length;
    report.set(data, 2);
    reports.push(report);
  }
  return reports;
}

export type InputReportError = { code: 'empty-report' } | { code: 'bad-length'; length: number };

/** The data bytes of one input report, or why the report is malformed. */
export function fromInputReport(
  report: Uint8Array,
): { ok: true; data: Uint8Array } | { ok: false; error: InputReportError } {
  if (report.length === 0) return { ok: false, error: { code: 'empty-report' } };
  const length = report[0] ?? 0;
  if (length > report.length - 1) return { ok: false, error: { code: 'bad-length', length } };
  return { ok: true, data: report.subarray(1, 1 + length) };
}

/**
 * The device's side of the same convention, for simulators behind a HID loopback: input reports
 * `[len, data × len, padding]` of exactly `reportSize` bytes, at most `reportSize − 1` data bytes.
 */
export function toInputReports(bytes: Uint8Array, reportSize: number): Uint8Array[] {
  if (!Number.isInteger(reportSize) || reportSize < 2 || reportSize > 256) {
    throw new RangeError(`reportSize must be 2..256, got ${reportSize}`);
  }
  const perReport = reportSize - 1;
  const reports: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += perReport) {
    const data = bytes.subarray(offset, offset + perReport);
    const report = new Uint8Array(reportSize);
    report[0] = data.length;
    report.set(data, 1);
    reports.push(report);
  }
  return reports;
}

/** The data bytes of one output report as node-hid writes it (`[0x00, len, data…]`). */
export function fromOutputReport(
  report: Uint8Array,
): { ok: true; data: Uint8Array } | { ok: false; error: InputReportError } {
  if (report.length < 2) return { ok: false, error: { code: 'empty-report' } };
  const length = report[1] ?? 0;
  if (length > report.length - 2) return { ok: false, error: { code: 'bad-length', length } };
  return { ok: true, data: report.subarray(2, 2 + length) };
}

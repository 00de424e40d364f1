/** The ID-card reader driver's public surface (what the host imports). */
export { isExpired, type IdentityCard, type ResidentIdCard, type Sex } from './card';
export {
  createIdCardReader,
  defaultIdCardDelays,
  type IdCardDelays,
  type IdCardReader,
  type IdCardReaderOptions,
} from './driver';
export type { IdCardReadError, IdCardReaderStatus } from './status';
export {
  createIdCardSimulator,
  type IdCardSimulator,
  type IdCardSimulatorOptions,
} from './simulator/id-card-simulator';
export { sampleCard, sampleCards, type SampleCard } from './simulator/sample-cards';

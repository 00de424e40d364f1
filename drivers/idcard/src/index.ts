/** The ID-card reader driver's public surface (what the host imports). */
export {
  isExpired,
  type ForeignPermanentCard,
  type HmtResidenceCard,
  type IdentityCard,
  type IdentityCardType,
  type ResidentIdCard,
  type Sex,
} from './card';
export {
  createIdCardReader,
  defaultIdCardDelays,
  type CardPresenceEvent,
  type IdCardDelays,
  type IdCardReader,
  type IdCardReaderOptions,
  type ReadCardOptions,
  type ReadProgress,
  type WaitForRemovalError,
} from './driver';
export type { IdCardErrorReason, IdCardReadError, IdCardReaderStatus } from './status';
export { idCardOpener, type IdCardPort } from './port-selection';
export { cardToJson, type CardJson } from './card-json';
export {
  createIdCardSimulator,
  type IdCardSimulator,
  type IdCardSimulatorOptions,
} from './simulator/id-card-simulator';
export { sampleCard, sampleCards, type SampleCard } from './simulator/sample-cards';

import { h, type VNode } from 'vue';
import { assertNever } from '../../../electron/shared/result';
import type { SessionView } from '../../../electron/shared/views';
import AttractScreen from './AttractScreen.vue';
import ChooseItemScreen from './ChooseItemScreen.vue';
import ConfirmScreen from './ConfirmScreen.vue';
import ConsentScreen from './ConsentScreen.vue';
import DoneScreen from './DoneScreen.vue';
import EndedScreen from './EndedScreen.vue';
import IdentifiedScreen from './IdentifiedScreen.vue';
import IdentifyScreen from './IdentifyScreen.vue';
import MaintenanceScreen from './MaintenanceScreen.vue';
import OutOfServiceScreen from './OutOfServiceScreen.vue';
import SubmitFailedScreen from './SubmitFailedScreen.vue';
import SubmittingScreen from './SubmittingScreen.vue';

/**
 * One screen per session state (DESIGN §4 rule 6). The switch is exhaustive: a new state in
 * SessionView does not compile until it has a screen.
 */
export function renderScreen(view: SessionView): VNode {
  switch (view.state) {
    case 'idle':
      return h(AttractScreen);
    case 'maintenance':
      return h(MaintenanceScreen, { view });
    case 'out-of-service':
      return h(OutOfServiceScreen, { view });
    case 'browsing':
      return h(ChooseItemScreen, { view });
    case 'consenting':
      return h(ConsentScreen, { view });
    case 'identifying':
      return h(IdentifyScreen, { view });
    case 'identified':
      return h(IdentifiedScreen, { view });
    case 'confirming':
      return h(ConfirmScreen, { view });
    case 'submitting':
      return h(SubmittingScreen, { view });
    case 'submit-failed':
      return h(SubmitFailedScreen, { view });
    case 'done':
      return h(DoneScreen, { view });
    case 'ended':
      return h(EndedScreen, { view });
    default:
      return assertNever(view, 'session state');
  }
}

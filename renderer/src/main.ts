/**
 * Boots the page: one link to the host over the shell's carrier, Pinia stores that mirror the
 * host's pushes, vue-i18n, and the App. The page never touches hardware, files or the network
 * beyond that link (DESIGN §2.2).
 */
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { chooseCarrier } from './api/choose-carrier';
import { createHostLink } from './api/host-link';
import { hostEventsKey, kioskApiKey } from './api/injection-keys';
import { installKioskGuards } from './guards/kiosk-guards';
import { createKioskI18n } from './i18n';
import { useConnectionStore } from './stores/connection';
import { dispatchHostEvent } from './stores/dispatch-host-event';
import './styles/base.css';

installKioskGuards(window);
const link = createHostLink(chooseCarrier(window));
const pinia = createPinia();
const app = createApp(App);

app.use(pinia);
app.use(createKioskI18n());
app.provide(kioskApiKey, link.api);
app.provide(hostEventsKey, link.onEvent);

const connection = useConnectionStore(pinia);
link.onState((state) => connection.apply(state));
link.onEvent((event) => dispatchHostEvent(event, pinia));

app.mount('#app');

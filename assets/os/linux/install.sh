#!/bin/sh
# Sets up a Debian/Ubuntu/UOS/Kylin machine as a locked-down terminal. Run as root after
# installing the deb package (which puts the app in /opt/zhengwu-kiosk). Safe to run again.
set -eu

here=$(dirname "$0")

# 1. A dedicated user with no password and no shell login; it only ever runs the kiosk.
if ! id kiosk >/dev/null 2>&1; then
  useradd --system --create-home --home-dir /var/lib/zhengwu-kiosk --shell /usr/sbin/nologin kiosk
fi
# Access to the display, input and the devices (serial, USB printer) through groups, not root.
for group in video input render dialout lp; do
  if getent group "$group" >/dev/null; then usermod -a -G "$group" kiosk; fi
done

# 2. The cage compositor and the fonts residents read.
apt-get install -y --no-install-recommends cage fonts-noto-cjk

# 3. Configuration and credentials: readable by the kiosk user only.
install -d -m 0750 -o root -g kiosk /etc/zhengwu-kiosk
if [ ! -f /etc/zhengwu-kiosk/config.json ]; then
  echo "Put the terminal configuration in /etc/zhengwu-kiosk/config.json (see README, Configuration)." >&2
fi

# 4. Devices for the kiosk user.
install -m 0644 "$here/60-zhengwu-kiosk.rules" /etc/udev/rules.d/60-zhengwu-kiosk.rules
udevadm control --reload
udevadm trigger

# 5. Boot straight into the kiosk on tty1, restarted whatever happens.
install -m 0644 "$here/zhengwu-kiosk.service" /etc/systemd/system/zhengwu-kiosk.service
systemctl daemon-reload
systemctl disable getty@tty1.service
systemctl enable zhengwu-kiosk.service
systemctl set-default graphical.target

echo "Done. Reboot to start the kiosk; logs: journalctl -u zhengwu-kiosk"

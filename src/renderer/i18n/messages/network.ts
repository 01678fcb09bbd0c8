/** Texts of the network check on Host setup and the lobby, and of the Wi-Fi QR code. */
import type { Messages } from '../message-types';

const en = {
  title: 'Network:',
  checking: 'Checking whether players can reach this computer…',
  failed: 'The network check failed: {message}',
  checkAgain: 'Check again',
  wifiShow: 'Show a Wi-Fi QR code',
  wifiHint: 'For players who are not on this network yet. Nothing you type here is saved.',
  wifiName: 'Network name',
  wifiSecurity: 'Security',
  wifiOpen: 'None (open network)',
  wifiPassword: 'Password',
  wifiQr: 'QR code to join the Wi-Fi network {ssid}',
} as const;

export const network: Messages<typeof en> = {
  en,
  es: {
    title: 'Red:',
    checking: 'Comprobando si los jugadores pueden llegar a este ordenador…',
    failed: 'La comprobación de red falló: {message}',
    checkAgain: 'Comprobar de nuevo',
    wifiShow: 'Mostrar un código QR de la wifi',
    wifiHint: 'Para quienes aún no están en esta red. No se guarda nada de lo que escribas aquí.',
    wifiName: 'Nombre de la red',
    wifiSecurity: 'Seguridad',
    wifiOpen: 'Ninguna (red abierta)',
    wifiPassword: 'Contraseña',
    wifiQr: 'Código QR para conectarse a la red wifi {ssid}',
  },
  de: {
    title: 'Netzwerk:',
    checking: 'Prüfe, ob die Mitspielenden diesen Computer erreichen…',
    failed: 'Die Netzwerkprüfung ist fehlgeschlagen: {message}',
    checkAgain: 'Erneut prüfen',
    wifiShow: 'WLAN-QR-Code zeigen',
    wifiHint:
      'Für alle, die noch nicht in diesem Netzwerk sind. Was du hier eingibst, wird nicht gespeichert.',
    wifiName: 'Netzwerkname',
    wifiSecurity: 'Sicherheit',
    wifiOpen: 'Keine (offenes Netzwerk)',
    wifiPassword: 'Passwort',
    wifiQr: 'QR-Code zum Verbinden mit dem WLAN {ssid}',
  },
  ar: {
    title: 'الشبكة:',
    checking: 'جارٍ التحقق من أن اللاعبين يستطيعون الوصول إلى هذا الحاسوب…',
    failed: 'فشل فحص الشبكة: {message}',
    checkAgain: 'افحص مجددًا',
    wifiShow: 'اعرض رمز QR لشبكة Wi-Fi',
    wifiHint: 'للاعبين غير المتصلين بهذه الشبكة بعد. لا يُحفظ شيء مما تكتبه هنا.',
    wifiName: 'اسم الشبكة',
    wifiSecurity: 'الأمان',
    wifiOpen: 'بلا (شبكة مفتوحة)',
    wifiPassword: 'كلمة المرور',
    wifiQr: 'رمز QR للاتصال بشبكة Wi-Fi {ssid}',
  },
};

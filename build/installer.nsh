; Windows installer hooks: let Quizroom accept players on private and domain networks without a
; firewall prompt, and remove the rule on uninstall. Public networks stay closed.
!macro customInstall
  nsExec::Exec 'netsh advfirewall firewall delete rule name="Quizroom"'
  nsExec::Exec 'netsh advfirewall firewall add rule name="Quizroom" dir=in action=allow program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" enable=yes profile=private,domain'
!macroend

!macro customUnInstall
  nsExec::Exec 'netsh advfirewall firewall delete rule name="Quizroom"'
!macroend

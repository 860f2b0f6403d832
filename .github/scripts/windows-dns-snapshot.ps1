# Prints every DNS client setting Port853 may change, one stable line each: `port853 revert` must give back the
# very same text (workflow windows-adapter.yml compares the text from before apply with the text after revert).
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
'# DoH entries'
Get-DnsClientDohServerAddress | Sort-Object -Property ServerAddress | ForEach-Object {
  '{0} template={1} udpfallback={2} autoupgrade={3}' -f $_.ServerAddress, $_.DohTemplate, $_.AllowFallbackToUdp, $_.AutoUpgrade
}
'# NRPT rules'
Get-DnsClientNrptRule | Sort-Object -Property Name | ForEach-Object {
  '{0} namespace={1} servers={2} comment={3}' -f $_.Name, ($_.Namespace -join ','), ($_.NameServers -join ','), $_.Comment
}
'# Servers the DNS client uses per interface and family'
Get-DnsClientServerAddress | Sort-Object -Property @('InterfaceIndex', 'AddressFamily') | ForEach-Object {
  '{0} family={1} servers={2}' -f $_.InterfaceIndex, $_.AddressFamily, ($_.ServerAddresses -join ',')
}
'# Static servers (registry NameServer; empty = DHCP or router advertisements)'
foreach ($family in @('Tcpip', 'Tcpip6')) {
  Get-ChildItem -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$family\Parameters\Interfaces" |
    Sort-Object -Property PSChildName | ForEach-Object {
      '{0} {1} NameServer={2}' -f $family, $_.PSChildName, $_.GetValue('NameServer')
    }
}
'# netsh dnsclient show global'
netsh dnsclient show global
'# netsh dnsclient show encryption'
netsh dnsclient show encryption
exit 0 # netsh's exit code says nothing here; the text above is what is compared

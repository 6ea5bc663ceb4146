# IPsec for vti tunnels, made with the module's own xfrm cmdlets (New-XfrmState,
# New-XfrmPolicy): ip stays the oracle only. A vti tunnel carries nothing by itself. What it
# sends goes to the xfrm policy whose mark is its output key; ESP it receives is taken only
# under a security association whose mark is its input key; whatever finds neither is dropped.
# The null cipher with hmac(sha256) needs no modules beyond the guest's (xfrm_user, esp4 and
# authenc, tests/kernel/initramfs.sh), and leaves the SPI and sequence number plain in a capture.

# Gives NAMESPACE (outer address LOCAL) the ESP tunnel-mode security associations and
# policies of a vti tunnel to REMOTE whose key is MARK: outgoing packets under OutSpi,
# incoming ones under InSpi (the peer's OutSpi). The namespace's removal removes them.
function Add-VtiIpsec {
    param(
        [Parameter(Mandatory)] [string] $Namespace,
        [Parameter(Mandatory)] [string] $Local,
        [Parameter(Mandatory)] [string] $Remote,
        [Parameter(Mandatory)] [uint32] $Mark,
        [Parameter(Mandatory)] [uint32] $OutSpi,
        [Parameter(Mandatory)] [uint32] $InSpi
    )

    # hmac(sha256) takes a 256-bit key; both ends use the same one for both directions.
    [byte[]] $authKey = 0..31 | ForEach-Object { 0x01 + $_ }
    foreach ($sa in @{ Source = $Local; Destination = $Remote; Spi = $OutSpi }, @{ Source = $Remote; Destination = $Local; Spi = $InSpi }) {
        New-XfrmState $sa.Source $sa.Destination $sa.Spi -Mode Tunnel -Mark $Mark -Encryption 'ecb(cipher_null)' `
            -Authentication 'hmac(sha256)' -AuthenticationKey $authKey -TruncationLength 128 -NetNamespace $Namespace -ErrorAction Stop | Out-Null
    }

    # Any inner addresses: the mark alone picks the tunnel's traffic.
    New-XfrmPolicy Out -Mark $Mark -TemplateSource $Local -TemplateDestination $Remote -NetNamespace $Namespace -ErrorAction Stop | Out-Null
    New-XfrmPolicy In -Mark $Mark -TemplateSource $Remote -TemplateDestination $Local -NetNamespace $Namespace -ErrorAction Stop | Out-Null
}

# The texts a key may show as, for the tests that prove no output holds one: hex both ways,
# base64 (what Export-Clixml makes of bytes), and the decimal lists PowerShell prints a byte
# array as.
function Get-KeyForm {
    param([Parameter(Mandatory)] [byte[]] $Key)
    [System.Convert]::ToHexString($Key)
    [System.Convert]::ToHexString($Key).ToLowerInvariant()
    [System.Convert]::ToBase64String($Key)
    ($Key | Select-Object -First 6) -join ', '
    ($Key | Select-Object -First 6) -join "`n"
}

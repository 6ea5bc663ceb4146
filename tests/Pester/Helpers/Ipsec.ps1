# IPsec for vti tunnels, as test set-up made with ip xfrm: IpipTools makes the vti tunnel,
# not IPsec. A vti tunnel carries nothing by itself. What it sends goes to the xfrm policy
# whose mark is its output key; ESP it receives is taken only under a security association
# whose mark is its input key; whatever finds neither is dropped. The null cipher with
# hmac(sha256) needs no modules beyond the guest's (xfrm_user, esp4 and authenc,
# tests/kernel/initramfs.sh), and leaves the SPI and sequence number plain in a capture.

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
    $authKey = '0x' + ('0123456789abcdef' * 4)
    foreach ($sa in @{ Source = $Local; Destination = $Remote; Spi = $OutSpi }, @{ Source = $Remote; Destination = $Local; Spi = $InSpi }) {
        Invoke-Fixture ip -n $Namespace xfrm state add src $sa.Source dst $sa.Destination proto esp spi ('0x{0:x}' -f $sa.Spi) mode tunnel mark $Mark `
            enc cipher_null '' auth-trunc 'hmac(sha256)' $authKey 128
    }

    # Any inner addresses: the mark alone picks the tunnel's traffic.
    Invoke-Fixture ip -n $Namespace xfrm policy add dir out mark $Mark tmpl src $Local dst $Remote proto esp mode tunnel
    Invoke-Fixture ip -n $Namespace xfrm policy add dir in mark $Mark tmpl src $Remote dst $Local proto esp mode tunnel
}

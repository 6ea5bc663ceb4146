# A throwaway namespace with a veth pair up in it: where the address and route suites put what
# they test. Returns the namespace fixture (its Namespace is the name), for
# Remove-NetNamespaceFixture; a set-up that fails half-way removes the namespace itself.
function New-VethLab {
    param([string] $Device = 'v0', [string] $Peer = 'v1')

    $fixture = New-NetNamespaceFixture
    try {
        $fixture | New-VethPair $Device $Peer -Up | Out-Null
    }
    catch {
        Remove-NetNamespaceFixture $fixture -Confirm:$false
        throw
    }
    $fixture
}

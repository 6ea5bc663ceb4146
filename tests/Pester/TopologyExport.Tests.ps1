# Get-IpipTopology declares what it reads: an export of a state, tested or set against that
# same state, finds nothing to do. The state is made with ip, so the export is of links
# IpipTools did not create; a veth pair is written once, from one end, and the other end's
# bridge, MTU and up state must survive that, whichever end is read first.
Describe 'Get-IpipTopology exports a veth pair with both ends intact' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'Helpers.ps1')

        # Exported topology, tested and set (as objects and as -AsText read back with -Path):
        # Test is true, Set sends no change request, and ip sees the same state after it.
        function Assert-ExportConverged {
            param([Parameter(Mandatory)] [string[]] $Namespace, [Parameter(Mandatory)] [string] $File)
            $before = Get-IpState $Namespace
            $exported = Get-IpipTopology -NetNamespace $Namespace
            $drift = @(Test-IpipTopology -InputObject $exported -Detailed)
            $drift.Target | Should -BeNullOrEmpty -Because "the export of a state declares that state ($(@($drift | ForEach-Object { "$($_.Target): $($_.Reason)" }) -join '; '))"
            Test-IpipTopology -InputObject $exported | Should -BeTrue
            (Set-IpipTopology -InputObject $exported).ChangeRequests | Should -Be 0

            Get-IpipTopology -NetNamespace $Namespace -AsText | Set-Content $File
            Test-IpipTopology -Path $File | Should -BeTrue
            (Set-IpipTopology -Path $File).ChangeRequests | Should -Be 0
            Get-IpState $Namespace | Should -Be $before
        }
    }

    BeforeEach {
        $script:A = New-NetNamespaceFixture export
        $script:B = New-NetNamespaceFixture export
        $script:File = Join-Path $TestDrive "$($A.Namespace).psd1"
    }

    AfterEach {
        try { Remove-NetNamespaceFixture $A -Confirm:$false }
        finally { Remove-NetNamespaceFixture $B -Confirm:$false }
    }

    It 'keeps <Port> in its bridge when both ends share a namespace' -ForEach @(
        @{ Port = 'rv0'; Other = 'rv1' }
        @{ Port = 'rv1'; Other = 'rv0' }
    ) {
        $ns = $A.Namespace
        ip -n $ns link add rbr0 type bridge
        ip -n $ns link add rv0 type veth peer name rv1
        ip -n $ns link set $Port master rbr0
        ip -n $ns link set rbr0 up
        ip -n $ns link set rv0 up
        ip -n $ns link set rv1 up
        (Get-IpLink $ns $Port).master | Should -Be 'rbr0'
        (Get-IpLink $ns $Other).master | Should -BeNullOrEmpty

        Assert-ExportConverged -Namespace $ns -File $File
        (Get-IpLink $ns $Port).master | Should -Be 'rbr0'
    }

    It 'keeps both ends'' bridge, MTU and state with the peer in another namespace, read <Order>' -ForEach @(
        @{ Order = "rv0's namespace first"; First = 'A' }
        @{ Order = "rv1's namespace first"; First = 'B' }
    ) {
        $nsA = $A.Namespace
        $nsB = $B.Namespace
        ip -n $nsA link add rbr0 type bridge
        ip -n $nsB link add rbr1 type bridge
        ip -n $nsA link add rv0 mtu 1400 type veth peer name rv1 netns $nsB mtu 1450
        ip -n $nsA link set rv0 master rbr0
        ip -n $nsB link set rv1 master rbr1
        ip -n $nsA link set rbr0 up
        ip -n $nsB link set rbr1 up
        ip -n $nsA link set rv0 up
        (Get-IpLink $nsB rv1).master | Should -Be 'rbr1'
        (Get-IpLink $nsB rv1).mtu | Should -Be 1450
        (Get-IpLink $nsB rv1).flags | Should -Not -Contain 'UP'

        $order = if ($First -eq 'A') { $nsA, $nsB } else { $nsB, $nsA }
        Assert-ExportConverged -Namespace $order -File $File
        (Get-IpLink $nsA rv0).master | Should -Be 'rbr0'
        (Get-IpLink $nsB rv1).master | Should -Be 'rbr1'
    }

    It 'makes the pair again from the export, each end with its own bridge, MTU and state' {
        $nsA = $A.Namespace
        $nsB = $B.Namespace
        ip -n $nsA link add rbr0 type bridge
        ip -n $nsB link add rbr1 type bridge
        ip -n $nsA link add rv0 mtu 1400 type veth peer name rv1 netns $nsB mtu 1450
        ip -n $nsA link set rv0 master rbr0
        ip -n $nsB link set rv1 master rbr1
        ip -n $nsA link set rv0 up
        Get-IpipTopology -NetNamespace $nsB, $nsA -AsText | Set-Content $File
        ip -n $nsA link del rv0
        Get-IpLink $nsB rv1 | Should -BeNullOrEmpty -Because 'deleting one end of a pair deletes both'

        Set-IpipTopology -Path $File | Out-Null
        $rv0 = Get-IpLink $nsA rv0
        $rv1 = Get-IpLink $nsB rv1
        $rv0.master | Should -Be 'rbr0'
        $rv0.mtu | Should -Be 1400
        $rv0.flags | Should -Contain 'UP'
        $rv1.master | Should -Be 'rbr1'
        $rv1.mtu | Should -Be 1450
        $rv1.flags | Should -Not -Contain 'UP'
        $rv0.link_netnsid | Should -Not -BeNullOrEmpty -Because 'the ends are in two namespaces'
        Test-IpipTopology -Path $File | Should -BeTrue
    }
}

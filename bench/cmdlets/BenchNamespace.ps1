# Throwaway network namespaces, one per contestant and run, made and removed with iproute2 so
# that the set-up is not part of what is measured. Names are unique: the run's prefix
# ($script:NamespacePrefix, which run.sh also uses to sweep up after a killed run) and a
# counter.

$script:NamespaceCounter = 0

# The device the routes go out of: one end of a veth pair, both ends up.
$script:BenchDevice = 'bench0'

# iproute2's ip by full path, for counting through sh: busybox's sh (the qemu guest's) would
# run its own ip applet before anything on PATH.
$script:IpPath = (Get-Command ip -CommandType Application | Select-Object -First 1).Source

# The number of lines iproute2 prints for `ip ARGS` ($IpArguments, quoted for sh), counted
# by wc: a count over 100,000 routes without 100,000 strings in pwsh.
function Get-IpLineCount {
    param([Parameter(Mandatory)][string]$IpArguments, [string]$Filter = '')
    [int](& sh -c "'$script:IpPath' $IpArguments $Filter | wc -l")
}

function Invoke-Ip {
    & ip @args
    if ($LASTEXITCODE -ne 0) { throw "ip $($args -join ' ') failed (exit $LASTEXITCODE)" }
}

# A namespace with loopback up (the kernel checks onlink gateways against the local table,
# which exists only once the namespace has an address) and, with -WithDevice, the veth pair.
function New-BenchNamespace {
    param([switch]$WithDevice)
    $name = '{0}-{1}' -f $script:NamespacePrefix, ++$script:NamespaceCounter
    Invoke-Ip netns add $name
    try {
        Invoke-Ip -n $name link set lo up
        if ($WithDevice) {
            Invoke-Ip -n $name link add $script:BenchDevice type veth peer name bench1
            Invoke-Ip -n $name link set $script:BenchDevice up
            Invoke-Ip -n $name link set bench1 up
        }
    } catch {
        & ip netns delete $name
        throw
    }
    $name
}

# Deleting the device first drops its routes in one synchronous kernel call, so the
# namespace's teardown (asynchronous, in a kernel worker) competes less with the next
# measurement for the CPU.
function Remove-BenchNamespace {
    param([Parameter(Mandatory)][string]$Name)
    & ip -n $Name link delete $script:BenchDevice 2>$null
    & ip netns delete $Name
}

# Runs $Body with a fresh namespace's name as its argument, and removes the namespace
# afterwards, whether $Body succeeded or not.
function Use-BenchNamespace {
    param([Parameter(Mandatory)][scriptblock]$Body, [switch]$WithDevice)
    # A name $Body's own variables are unlikely to shadow: $Body sees this scope's variables.
    $benchNamespaceInUse = New-BenchNamespace -WithDevice:$WithDevice
    try {
        & $Body $benchNamespaceInUse
    } finally {
        Remove-BenchNamespace $benchNamespaceInUse
    }
}

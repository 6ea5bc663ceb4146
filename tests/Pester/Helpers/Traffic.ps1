# Real traffic through Invoke-NetNamespaceCommand: ping, and tcpdump captures that run in
# the background while the ping crosses.

# Whether NAMESPACE reaches TARGET by ping (at least one answer of three).
function Test-Ping {
    param([Parameter(Mandatory)] [string] $Namespace, [Parameter(Mandatory)] [string] $Target, [string] $Source)
    $arguments = @('-n', '-c', '3', '-i', '0.2', '-W', '3')
    if ($Source) { $arguments += '-I', $Source }
    Invoke-NetNamespaceCommand -NetNamespace $Namespace ping ($arguments + $Target) -ErrorAction SilentlyContinue | Out-Null
    $LASTEXITCODE -eq 0
}

# Starts tcpdump on INTERFACE in NAMESPACE, in the background (a shell in the namespace
# starts it and returns), and waits until it is listening. Its packets go to a file and
# its banner (with the link type) to another; Receive-PacketCapture reads both.
function Start-PacketCapture {
    param(
        [Parameter(Mandatory)] [string] $Namespace,
        [Parameter(Mandatory)] [string] $Interface,
        [string] $Filter = 'icmp',
        [int] $Count = 1,
        # -v: the outer header's protocol ("proto IPIP (4)") is printed.
        [switch] $Detailed
    )

    $path = Join-Path $TestDrive "capture-$Namespace-$Interface-$([guid]::NewGuid().ToString('N').Substring(0, 6))"
    $options = if ($Detailed) { '-v' } else { '' }
    # -Z root: the guest has no tcpdump account to drop privileges to.
    $command = "timeout 30 tcpdump -Z root -n -t -l $options -i $Interface -c $Count $Filter >'$path.txt' 2>'$path.log' </dev/null &"
    Invoke-NetNamespaceCommand -NetNamespace $Namespace /bin/sh '-c' $command | Out-Null
    $deadline = [datetime]::UtcNow.AddSeconds(15)
    while (-not (Select-String -Path "$path.log" -Pattern 'listening on' -Quiet -ErrorAction SilentlyContinue)) {
        if ([datetime]::UtcNow -gt $deadline) { throw "tcpdump on $Interface in $Namespace did not start: $(Get-Content "$path.log" -Raw -ErrorAction SilentlyContinue)" }
        Start-Sleep -Milliseconds 50
    }

    [pscustomobject]@{ Path = $path; Interface = $Interface; Namespace = $Namespace }
}

# Waits for the capture to end (its count reached, or its 30 s up) and returns the banner
# ("listening on tun02, link-type RAW (Raw IP) ..."), the lines tcpdump printed, and the
# same as one string (-v spreads a packet's layers over several lines).
function Receive-PacketCapture {
    param([Parameter(Mandatory, ValueFromPipeline)] $Capture)
    process {
        $deadline = [datetime]::UtcNow.AddSeconds(35)
        while (-not (Select-String -Path "$($Capture.Path).log" -Pattern 'packets? captured' -Quiet)) {
            if ([datetime]::UtcNow -gt $deadline) { throw "tcpdump on $($Capture.Interface) did not end" }
            Start-Sleep -Milliseconds 50
        }

        [pscustomobject]@{
            Banner = (Get-Content "$($Capture.Path).log" | Select-String 'listening on').Line
            Lines  = @(Get-Content "$($Capture.Path).txt")
            Text   = (Get-Content "$($Capture.Path).txt" | ForEach-Object Trim) -join ' '
        }
    }
}

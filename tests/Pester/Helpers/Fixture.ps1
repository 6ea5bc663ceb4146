# Set-up commands outside the module (ip, ssh-keygen, sshd) that a fixture needs to succeed:
# the SSH host lab (SshHosts.ps1) uses it.

# Runs a fixture command that must succeed; throws with its output when it does not.
function Invoke-Fixture {
    $command, $arguments = $args
    $output = & $command @arguments 2>&1
    if ($LASTEXITCODE -ne 0) { throw "$command $arguments failed ($LASTEXITCODE): $output" }
}

#!/usr/bin/env bash
# rt-start.sh: starts a throwaway Request Tracker 5 (Debian packages, see scripts/install-rt.sh) on 127.0.0.1,
# with its own SQLite database, for csr's integration tests (tests/integration/rt.test.ts).
#
#   scripts/rt-start.sh                 # prints the connection facts as JSON on the last line of stdout
#   scripts/rt-stop.sh "$RT_HOME" --wipe
#
# Environment (all optional):
#   RT_HOME           state directory: site config, database, logs, outgoing mail (mbox), Mason cache.
#                     Default: a new directory from mktemp. An existing database there is reused.
#   RT_PORT           TCP port on 127.0.0.1. Default: a free port the kernel picks.
#   RT_WORKERS        Starlet worker processes (default 3).
#   RT_START_TIMEOUT  seconds to wait for REST2 to answer (default 90).
#
# It writes $RT_HOME/rt.json (mode 0600):
#   {"url", "rest2", "home", "port", "pid", "mboxDir",
#    "root": {"user", "password", "token"},                   SuperUser: queues, users, custom fields
#    "agent": {"user", "password", "token", "email", "name"}}  a privileged agent with global ticket rights
# Every privileged user gets the same global ticket rights (granted to RT's Privileged group), so agents the
# tests create later through REST2 can work tickets too. Everyone may create and reply to tickets, so customer
# mail can come in through RT's mail gateway (POST /REST/1.0/NoAuth/mail-gateway, what rt-mailgate does).
#
# Nothing outside $RT_HOME is written: RT_SITE_CONFIG replaces /etc/request-tracker5/RT_SiteConfig.pm and an
# empty RT_SITE_CONFIG_DIR replaces both Debian RT_SiteConfig.d directories (which point at the system database).
# Mail is appended to mbox files in $RT_HOME/var, never handed to an MTA. The server runs in its own session
# (setsid): stop it with rt-stop.sh (SIGTERM). SIGINT makes a root-run rt-server chown /var/lib/request-tracker5.
set -euo pipefail

die() {
  echo "rt-start: $*" >&2
  exit 1
}
ms() { date +%s%3N; }
started_ms=$(ms)

server=/usr/share/request-tracker5/libexec/rt-server
setup_database=/usr/sbin/rt-setup-database-5
for tool in "$server" "$setup_database"; do
  [ -x "$tool" ] || die "$tool is missing: RT 5 is not installed (run scripts/install-rt.sh)"
done
perl -MDBD::SQLite -e 1 2>/dev/null || die "DBD::SQLite is missing (apt-get install rt5-db-sqlite)"
perl -MPlack::Handler::Starlet -e 1 2>/dev/null || die "Starlet is missing (apt-get install rt5-standalone)"
command -v curl >/dev/null || die "curl is missing (apt-get install curl)"

workers="${RT_WORKERS:-3}"
timeout_s="${RT_START_TIMEOUT:-90}"
host=127.0.0.1
if [ -z "${RT_HOME:-}" ]; then
  RT_HOME=$(mktemp -d "${TMPDIR:-/tmp}/csr-rt.XXXXXX")
fi
case "$RT_HOME" in /*) ;; *) RT_HOME="$PWD/$RT_HOME" ;; esac
home="$RT_HOME"
mkdir -p "$home"/etc/site.d "$home"/var "$home"/log "$home"/mason "$home"/sessions
chmod 700 "$home"
# rt-stop.sh --wipe only deletes directories that carry this marker.
: >"$home/.csr-rt-home"

if [ -f "$home/rt-server.pid" ]; then
  old=$(cat "$home/rt-server.pid")
  if kill -0 "$old" 2>/dev/null && tr '\0' ' ' <"/proc/$old/cmdline" 2>/dev/null | grep -q 'libexec/rt-server'; then
    die "an RT server from $home is already running (pid $old); stop it with scripts/rt-stop.sh $home"
  fi
  rm -f "$home/rt-server.pid"
fi

export RT_SITE_CONFIG="$home/etc/RT_SiteConfig.pm"
export RT_SITE_CONFIG_DIR="$home/etc/site.d" # stays empty: RT globs it twice

free_port() {
  perl -MIO::Socket::INET -e \
    'my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1", LocalPort => 0, ReuseAddr => 1) or die "$!\n"; print $s->sockport'
}

write_site_config() { # $1 = port
  cat >"$RT_SITE_CONFIG" <<EOF
# Written by csr's scripts/rt-start.sh for a throwaway test server.
Set(\$rtname, 'csr-test');
Set(\$Organization, 'csr.test');
Set(\$Timezone, 'UTC');
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$home/var/rt.sqlite');
Set(\$WebDomain, '$host');
Set(\$WebPort, $1);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://$host:$1');
Set(\$CorrespondAddress, 'support\@csr.test');
Set(\$CommentAddress, 'support-comment\@csr.test');
Set(\$OwnerEmail, 'rt-owner\@csr.test');
# Outgoing mail goes to \$RT::VarPath/*.mbox, never to an MTA.
Set(\$MailCommand, 'mbox');
# The default bcrypt cost (12) costs ~0.2 s on every authenticated request; 4 is the minimum.
# It only applies to hashes made after it is set, so it is set before the database exists.
Set(\$BcryptCost, 4);
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'warning');
Set(\$LogToFile, 'notice');
Set(\$LogDir, '$home/log');
Set(\$LogToFileNamed, 'rt.log');
# Debian compiles these into RT::Generated; Set() cannot move them.
\$RT::VarPath = '$home/var';
\$RT::MasonDataDir = '$home/mason';
\$RT::MasonSessionDir = '$home/sessions';
1;
EOF
}

if [ -n "${RT_PORT:-}" ]; then
  case "$RT_PORT" in *[!0-9]*) die "RT_PORT must be a number" ;; esac
  port="$RT_PORT"
  if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then die "something already listens on $host:$port"; fi
else
  port=$(free_port) || die "could not find a free port on $host"
fi
write_site_config "$port"

# --- database and accounts ------------------------------------------------------------------------------------
if [ ! -s "$home/etc/accounts.json" ]; then
  rm -f "$home/var/rt.sqlite"
  root_password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  agent_password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  (umask 077 && printf '%s\n' "$root_password" >"$home/etc/root-password")
  "$setup_database" --action init --root-password-file "$home/etc/root-password" \
    >"$home/log/setup-database.log" 2>&1 || {
    tail -n 30 "$home/log/setup-database.log" >&2
    die "rt-setup-database failed (log: $home/log/setup-database.log)"
  }
  # WAL: readers (searches) no longer wait for writers (replies), which matters with several Starlet workers.
  perl -MDBI -e 'DBI->connect("dbi:SQLite:dbname=$ARGV[0]", "", "", {RaiseError => 1})->do("PRAGMA journal_mode=WAL")' \
    "$home/var/rt.sqlite" || die "could not switch the database to WAL mode"
  database_ms=$(ms)
  # The agent account, ticket rights for every privileged user, and an auth token each for root and agent
  # (REST2 cannot create tokens: RT::AuthToken through the Perl API is the only way).
  (umask 077 && perl - "$root_password" "$agent_password" >"$home/etc/accounts.json" 2>"$home/log/accounts.log") <<'PERL' || {
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use JSON ();
use RT;
RT->LoadConfig;
RT->Init;
my ($root_password, $agent_password) = @ARGV;
my $system = RT->SystemUser;

my $privileged = RT::Group->new($system);
$privileged->LoadSystemInternalGroup('Privileged');
for my $right (qw(SeeQueue ShowTicket CreateTicket ReplyToTicket CommentOnTicket ShowTicketComments
                  ShowOutgoingEmail ModifyTicket OwnTicket TakeTicket StealTicket ReassignTicket Watch WatchAsAdminCc
                  SeeCustomField ModifyCustomField SetInitialCustomField ModifySelf ManageAuthTokens
                  ShowSavedSearches SeeGroup)) {
    my ($ok, $message) = $privileged->PrincipalObj->GrantRight(Right => $right, Object => RT->System);
    die "granting $right: $message\n" unless $ok || $message =~ /already/i;
}

# Customers write in by email (the mail gateway): RT checks the sender's rights as for any user.
my $everyone = RT::Group->new($system);
$everyone->LoadSystemInternalGroup('Everyone');
for my $right (qw(CreateTicket ReplyToTicket)) {
    my ($ok, $message) = $everyone->PrincipalObj->GrantRight(Right => $right, Object => RT->System);
    die "granting $right to Everyone: $message\n" unless $ok || $message =~ /already/i;
}

my $agent = RT::User->new($system);
my ($agent_id, $message) = $agent->Create(
    Name => 'agent', Password => $agent_password, EmailAddress => 'agent@csr.test',
    RealName => 'Alex Agent', Privileged => 1, Lang => 'en');
die "creating the agent: $message\n" unless $agent_id;

my $root = RT::User->new($system);
$root->Load('root');
my %token;
for my $user ($root, $agent) {
    my $token = RT::AuthToken->new($system);
    my ($id, $why, $secret) = $token->Create(Owner => $user->id, Description => 'csr integration tests');
    die 'creating a token for ' . $user->Name . ": $why\n" unless $id;
    $token{$user->Name} = $secret;
}
print JSON::encode_json({
    root => {user => 'root', password => $root_password, token => $token{root}},
    agent => {user => 'agent', password => $agent_password, token => $token{agent},
              email => 'agent@csr.test', name => 'Alex Agent'},
});
PERL
    rm -f "$home/etc/accounts.json"
    tail -n 30 "$home/log/accounts.log" >&2
    die "creating the test accounts failed (log: $home/log/accounts.log)"
  }
  accounts_ms=$(ms)
else
  database_ms=$(ms)
  accounts_ms=$database_ms
  echo "rt-start: reusing the database in $home" >&2
fi
agent_token=$(perl -MJSON -0777 -ne 'print JSON::decode_json($_)->{agent}{token}' "$home/etc/accounts.json")

# --- server ---------------------------------------------------------------------------------------------------
start_server() {
  setsid nohup "$server" --server Starlet --host "$host" --port "$port" --max-workers "$workers" \
    >>"$home/log/server.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$home/rt-server.pid"
}

attempts=0
start_server
deadline=$(($(date +%s) + timeout_s))
for (( ; ; )); do
  code=$(curl --noproxy '*' -s -o /dev/null -w '%{http_code}' --max-time 5 \
    -H "Authorization: token $agent_token" "http://$host:$port/REST/2.0/rt" || true)
  [ "$code" = 200 ] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$home/rt-server.pid"
    # The kernel may hand "our" free port to someone else before RT binds it: pick another one.
    if [ -z "${RT_PORT:-}" ] && [ "$attempts" -lt 3 ] && grep -qi 'address already in use' "$home/log/server.log"; then
      attempts=$((attempts + 1))
      port=$(free_port)
      write_site_config "$port"
      start_server
      continue
    fi
    tail -n 30 "$home/log/server.log" >&2
    die "rt-server exited during startup (log: $home/log/server.log)"
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    tail -n 30 "$home/log/server.log" >&2
    die "REST2 did not answer within ${timeout_s}s (pid $pid still runs: scripts/rt-stop.sh $home)"
  fi
  sleep 0.1
done
ready_ms=$(ms)

(umask 077 && perl -MJSON -0777 -e '
  my ($file, $home, $host, $port, $pid) = @ARGV;
  open my $in, "<", $file or die "$file: $!\n";
  my $facts = JSON::decode_json(do { local $/; <$in> });
  my $url = "http://$host:$port";
  print JSON->new->canonical->encode({%$facts, url => $url, rest2 => "$url/REST/2.0", home => $home,
    port => 0 + $port, pid => 0 + $pid, mboxDir => "$home/var"});
' "$home/etc/accounts.json" "$home" "$host" "$port" "$pid" >"$home/rt.json")

echo "rt-start: RT ready at http://$host:$port/REST/2.0 (pid $pid, home $home);" \
  "ms: database=$((database_ms - started_ms)) accounts=$((accounts_ms - database_ms))" \
  "server=$((ready_ms - accounts_ms)) total=$((ready_ms - started_ms))" >&2
cat "$home/rt.json"
echo

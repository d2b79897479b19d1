/** Where in a step a lint rule looks. */
export type LintPlace =
	/** Shell commands: run actions, their `unless` guards, check commands. */
	| 'command'
	/** Text that goes into files or is shown as expected output: write contents, edit ops, manual code blocks, expected lines. */
	| 'content'
	/** Paths of files written, edited or checked. */
	| 'path'
	/** The step's own words (its markdown) and notes. */
	| 'prose';

/** One outdated instruction the documents may carry, and what replaced it. */
export interface LintRule {
	id: string;
	where: LintPlace[];
	/** Tested on each text of the places above; `{match}` in `what` names what it matched (all distinct matches). */
	pattern: RegExp;
	what: string;
	instead: string;
	/** When the instruction stopped working or stopped being the advice. */
	since: string;
}

/**
 * The outdated-instruction rules, as data: `tomesh-setup lint` applies every row to every step the same way
 * (see lint-documents.ts). Patterns are written against what a current document would say, so that one does not
 * match (test/domain/lint checks a current Matrix setup has no findings).
 */
export const lintRules: readonly LintRule[] = [
	{
		id: 'python2-packages',
		where: ['command'],
		pattern: /\bpython(?:2\.7-dev|-pip|-virtualenv)\b/g,
		what: 'installs {match}: Python 2 packages Debian and Ubuntu no longer ship',
		instead: 'install Synapse as a package (matrix-synapse) and let it bring its Python 3 dependencies; for other tools python3-dev, python3-pip, python3-venv',
		since: 'Debian 11 / Ubuntu 20.04 (2020–2021)',
	},
	{
		id: 'synapse-from-pip',
		where: ['command'],
		pattern: /\bvirtualenv\b[^\n]*python2|\bpip\d? install\b[^\n]*synapse\b|\bsynapse\/tarball\b/g,
		what: 'installs or configures Synapse from a source tarball with pip in a virtualenv',
		instead: 'apt install matrix-synapse-py3 from packages.matrix.org (or Debian\'s matrix-synapse); settings go in /etc/matrix-synapse/conf.d/*.yaml, updates come with apt upgrade',
		since: 'Synapse 1.0 dropped Python 2 (2019); Debian packages since 2019',
	},
	{
		id: 'synctl',
		where: ['command', 'prose'],
		pattern: /\bsynctl\s+(?:start|stop|restart)\b/g,
		what: 'starts or stops Synapse with {match}',
		instead: 'systemctl start|stop|restart matrix-synapse (the packaged service)',
		since: 'Synapse packages ship a systemd unit (2019)',
	},
	{
		id: 'letsencrypt-auto',
		where: ['command', 'prose'],
		pattern: /\bletsencrypt-auto\b|\bcertbot-auto\b/g,
		what: 'gets certificates with {match}, which no longer installs or runs',
		instead: 'apt install certbot python3-certbot-nginx; certbot --nginx -d HOST (or certbot certonly --webroot …); the package renews by itself (systemd timer)',
		since: 'certbot-auto retired in 2021',
	},
	{
		id: 'dhparam-4096',
		where: ['command', 'content'],
		pattern: /\bopenssl\s+dhparam\b[^\n]*\b(?:40\d\d|8192)\b/g,
		what: 'generates its own 4096-bit Diffie-Hellman parameters (minutes of CPU on a small server)',
		instead: 'use the RFC 7919 ffdhe2048 group (Mozilla\'s ssl-config generator ships it) or leave DHE ciphers out: TLSv1.2/1.3 with ECDHE need no ssl_dhparam',
		since: 'RFC 7919 (2016); Mozilla intermediate configuration 5.x (2019)',
	},
	{
		id: 'tls-old-protocols',
		where: ['content', 'command'],
		pattern: /\bssl_protocols\b[^;\n]*?\bTLSv1(?:\.1)?(?![.\d])/g,
		what: 'enables TLSv1 / TLSv1.1 in nginx ssl_protocols',
		instead: 'ssl_protocols TLSv1.2 TLSv1.3;',
		since: 'RFC 8996 deprecated TLS 1.0 and 1.1 (2021)',
	},
	{
		id: 'ocsp-stapling',
		where: ['content'],
		pattern: /\bssl_stapling(?:_verify)?\s+on\b/g,
		what: 'turns on OCSP stapling, which Let\'s Encrypt certificates no longer support',
		instead: 'drop ssl_stapling and ssl_stapling_verify (certificates carry no OCSP URL any more)',
		since: 'Let\'s Encrypt ended OCSP in 2025',
	},
	{
		id: 'matrix-srv-record',
		where: ['command', 'content', 'prose'],
		pattern: /(?<![-\w])_matrix\._tcp\b/g,
		what: 'delegates federation with an SRV record under _matrix._tcp',
		instead: 'serve https://DOMAIN/.well-known/matrix/server with {"m.server": "HOST:443"} (or an SRV record under _matrix-fed._tcp)',
		since: 'Matrix spec v1.8 (2023) replaced _matrix._tcp; .well-known delegation since Synapse 1.0 (2019)',
	},
	{
		id: 'ifupdown-dns',
		where: ['path', 'content'],
		pattern: /^\/etc\/network\/interfaces$|\bdns-nameservers\b/g,
		what: 'changes the resolver through dns-nameservers in /etc/network/interfaces',
		instead: 'this works only with ifupdown and resolvconf; with systemd-resolved use resolvectl / /etc/systemd/resolved.conf (DNS=), with netplan its nameservers: key — and Synapse resolves over IPv6 fine today, so the workaround is not needed',
		since: 'netplan / systemd-networkd on Ubuntu 17.10+ and cloud images (2017)',
	},
	{
		id: 'node-nvm',
		where: ['prose'],
		pattern: /\bnvm\b/g,
		what: 'installs an old Node.js (v6) through nvm to build the web client',
		instead: 'no Node.js needed on the server: download a release tarball of Element Web (element-vX.Y.Z.tar.gz) and unpack it',
		since: 'Node.js 6 end of life 2019; Element Web release tarballs',
	},
	{
		id: 'vector-web-repository',
		where: ['command', 'prose', 'path'],
		pattern: /\bvector-im\/(?:vector|riot)-web\b/g,
		what: 'builds the web client from {match}, renamed long ago',
		instead: 'github.com/element-hq/element-web: download the release tarball (element-vX.Y.Z.tar.gz) instead of building from source',
		since: 'vector-web became riot-web (2016), element-web (2020), element-hq/element-web (2024)',
	},
	{
		id: 'default-hs-url',
		where: ['content', 'prose'],
		pattern: /\bdefault_(?:hs|is)_url\b/g,
		what: 'sets {match} in the web client\'s config.json',
		instead: '"default_server_config": {"m.homeserver": {"base_url": "https://HOST", "server_name": "DOMAIN"}}',
		since: 'Riot/Element Web 1.x (2019)',
	},
	{
		id: 'admin-api-client-path',
		where: ['command', 'content'],
		pattern: /\/_matrix\/client\/(?:r0|v3|api\/v1)\/admin\b/g,
		what: 'calls Synapse\'s admin API under /_matrix/client/…/admin',
		instead: '/_synapse/admin/v1/… (e.g. /_synapse/admin/v1/purge_history/ROOM)',
		since: 'Synapse 1.x moved the admin API to /_synapse/admin (2019)',
	},
	{
		id: 'access-token-in-url',
		where: ['command', 'content'],
		pattern: /[?&]access_token=/g,
		what: 'passes the access token in the URL (?access_token=), where logs and shell history keep it',
		instead: 'send it in a header: curl -H "Authorization: Bearer $TOKEN" …',
		since: 'Matrix spec v1.11 deprecated query-string tokens (2024)',
	},
];

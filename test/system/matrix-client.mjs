// Runs inside the sandbox: a real Matrix client discovers the server through .well-known, logs in over HTTPS
// through nginx, creates a room, sends a message and reads it back. Prints one JSON line with what it saw.
import {AutoDiscovery, createClient} from 'matrix-js-sdk';

const [serverName, user, password] = process.argv.slice(2);
const discovered = await AutoDiscovery.findClientConfig(serverName);
const homeserver = discovered['m.homeserver'];
if (homeserver.state !== 'SUCCESS') throw new Error(`discovery: ${homeserver.state} ${homeserver.error ?? ''}`);
const client = createClient({baseUrl: homeserver.base_url});
const login = await client.loginRequest({type: 'm.login.password', identifier: {type: 'm.id.user', user}, password});
const authed = createClient({baseUrl: homeserver.base_url, accessToken: login.access_token, userId: login.user_id});
const text = `hello from the end-to-end test ${Date.now()}`;
const {room_id: roomId} = await authed.createRoom({name: 'e2e', visibility: 'private'});
const {event_id: eventId} = await authed.sendEvent(roomId, 'm.room.message', {msgtype: 'm.text', body: text});
const messages = await authed.createMessagesRequest(roomId, null, 20, 'b');
const found = messages.chunk.find(event => event.event_id === eventId);
console.log(JSON.stringify({baseUrl: homeserver.base_url, userId: login.user_id, roomId, readBack: found?.content?.body === text}));

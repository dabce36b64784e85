// oblivia/node: what runs on Node.js only (it imports node:http and node:fs), kept out of the
// browser entry.
export { CLIENT_ADDRESS_HEADER, serveNode, type NodeServer, type ServeOptions } from './http/node-server.js';
export { serveCluster, type ClusterEvent, type ClusterOptions, type NodeCluster } from './http/node-cluster.js';
export { directoryStorage } from './tlog/directory-storage.js';

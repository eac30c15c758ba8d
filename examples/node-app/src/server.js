import { createServer } from 'node:http';

createServer((request, response) => response.end('ok\n')).listen(8080);

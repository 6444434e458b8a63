// Peer: Aioha with its React provider and login modal.
export { initAioha } from '@aioha/aioha'
export { AiohaModal, AiohaProvider } from '@aioha/react-ui'

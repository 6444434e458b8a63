// Peer: Aioha with its React provider and login modal, used as an app's entry uses them.
import { initAioha } from '@aioha/aioha'
import { AiohaModal, AiohaProvider } from '@aioha/react-ui'

globalThis.app = [initAioha, AiohaModal, AiohaProvider]

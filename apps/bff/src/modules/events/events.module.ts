import { Global, Module } from "@nestjs/common";
import { EventBus } from "./event-bus.js";

/** The in-process event bus, available to every module (publishers and owning subscribers). */
@Global()
@Module({ providers: [EventBus], exports: [EventBus] })
export class EventsModule {}

package de.parkleit.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code parkleit demo}: everything in one process, fed by the gateway simulator. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole system in one process: embedded MQTT broker and QuestDB, the demo city,",
                "a gateway simulator, a history backfill on first start, ingest, routing and the web app."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options = new CommonOptions();

    @Override
    public Integer call() throws InterruptedException {
        return Runner.runUntilStopped(options, Mode.DEMO);
    }
}

package de.parkleit.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parkleit demo}: everything in one process, fed by the gateway simulator. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole system in one process: embedded MQTT broker and QuestDB, the demo city,",
                "a gateway simulator, a history backfill on first start, ingest, routing and the web app."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--feed", description = {"read the city through the NGSI-v2 feed adapter from the recording in",
            "<city>/recording/ (Heidelberg's parking API, 2024-06-08), served locally, instead of simulated gateways"})
    boolean feed;

    @Override
    public Integer call() throws InterruptedException {
        return Runner.runUntilStopped(options, Mode.DEMO, feed);
    }
}

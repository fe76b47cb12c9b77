import org.eclipse.paho.client.mqttv3.*;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.atomic.*;

/** args: url count pauseAfter(stop file waits) baseEpochMs. Persistent session, QoS 1, 100 in flight; retries failed publishes. */
public class Pub {
  public static void main(String[] a) throws Exception {
    String url = a[0]; int n = Integer.parseInt(a[1]); int pauseAt = Integer.parseInt(a[2]); long base = Long.parseLong(a[3]);
    List<String> fac = Files.readAllLines(Path.of("facilities.txt"));
    MqttAsyncClient c = new MqttAsyncClient(url, "repro-gw", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions(); o.setCleanSession(false); o.setMaxInflight(100); o.setAutomaticReconnect(true); o.setMaxReconnectDelay(500);
    c.connect(o).waitForCompletion();
    AtomicInteger acked = new AtomicInteger();
    for (int i = 0; i < n; i++) {
      if (i == pauseAt) { System.out.println("PAUSE at " + i + " acked " + acked.get()); System.out.flush(); while (!Files.exists(Path.of("go"))) Thread.sleep(50); }
      String f = fac.get(i % fac.size());
      String ts = Instant.ofEpochMilli(base + i).toString();
      byte[] p = ("{\"ts\":\"" + ts + "\",\"free\":" + (i % 50) + "}").getBytes();
      while (true) {
        try {
          while (!c.isConnected()) Thread.sleep(20);
          IMqttDeliveryToken t = c.publish("parkleit/v1/parking/" + f + "/occupancy", p, 1, false, null, new IMqttActionListener() {
            public void onSuccess(IMqttToken t) { acked.incrementAndGet(); }
            public void onFailure(IMqttToken t, Throwable e) { }});
          break;
        } catch (MqttException e) { Thread.sleep(20); }
      }
    }
    long end = System.currentTimeMillis() + 30000;
    while (acked.get() < n && System.currentTimeMillis() < end) Thread.sleep(50);
    System.out.println("DONE acked " + acked.get() + " of " + n);
    c.disconnect().waitForCompletion(); c.close();
  }
}
